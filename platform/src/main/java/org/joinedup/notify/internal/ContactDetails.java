package org.joinedup.notify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * A patient's contact details and preference, read from their Patient (as the platform, audited): the UK Core
 * contact preference (SMS, email, no telephone, letter) decides the channel; without one, a text to a mobile
 * number, else an email. Letters and visits are not sent from here: such a message is withheld, saying why.
 */
@Component
class ContactDetails {

    static final String PREFERENCE = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ContactPreference";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;

    ContactDetails(FhirApi fhir) {
        this.fhir = fhir;
    }

    Contact of(String patientId) {
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "GET", "Patient/" + patientId, null);
        if (answer.status() != 200) {
            return Contact.none("", "The patient's record could not be read (" + answer.status() + ")");
        }
        return choose(parse(answer.body()));
    }

    static Contact choose(JsonNode patient) {
        String name = patient.at("/name/0/given/0").asText(patient.at("/name/0/text").asText(""));
        String mobile = null;
        String email = null;
        for (JsonNode telecom : patient.path("telecom")) {
            if (telecom.has("period") && telecom.at("/period/end").isTextual()) {
                continue; // no longer in use
            }
            String system = telecom.path("system").asText();
            if (mobile == null && "phone".equals(system) && isMobile(telecom)) {
                mobile = telecom.path("value").asText().replace(" ", "");
            } else if (email == null && "email".equals(system)) {
                email = telecom.path("value").asText().trim();
            }
        }
        String preferred = preferredMethod(patient);
        return switch (preferred) {
            case "1", "2" -> Contact.none(name, "The patient prefers " + ("1".equals(preferred) ? "letters" : "visits"));
            case "4", "8" -> email != null ? Contact.email(name, email) : Contact.none(name, "The patient prefers email but has no email address");
            case "9" -> mobile != null ? Contact.sms(name, mobile) : Contact.none(name, "The patient prefers text messages but has no mobile number");
            default -> mobile != null ? Contact.sms(name, mobile)
                    : email != null ? Contact.email(name, email) : Contact.none(name, "The patient has no mobile number or email address");
        };
    }

    private static boolean isMobile(JsonNode telecom) {
        String number = telecom.path("value").asText().replace(" ", "");
        return "mobile".equals(telecom.path("use").asText()) || number.startsWith("07") || number.startsWith("+447");
    }

    private static String preferredMethod(JsonNode patient) {
        for (JsonNode extension : patient.path("extension")) {
            if (PREFERENCE.equals(extension.path("url").asText())) {
                for (JsonNode part : extension.path("extension")) {
                    if ("PreferredContactMethod".equals(part.path("url").asText())) {
                        return part.at("/valueCodeableConcept/coding/0/code").asText("");
                    }
                }
            }
        }
        return "";
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
