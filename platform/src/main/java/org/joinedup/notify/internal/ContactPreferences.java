package org.joinedup.notify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;
import org.joinedup.fhir.Visibility;
import org.joinedup.notify.MessageKind;
import org.springframework.stereotype.Component;

/**
 * {@code POST Patient/{id}/$contact-preferences} with {@code method} (sms, email or letter), {@code mobile},
 * {@code email} and {@code reminders} (true or false): how a patient wants to hear from us, set by themselves (or
 * their proxy) or by staff. The Patient gets the UK Core contact preference and the mobile number and email
 * address (a new version, so who changed what is kept); a patient who wants no reminders is opted out of them.
 * Patients may change only these parts of their Patient resource, and only of a record they may see.
 */
@Component
class ContactPreferences implements FhirOperation {

    static final String CODES = "https://fhir.hl7.org.uk/CodeSystem/UKCore-PreferredContactMethod";
    private static final Map<String, String[]> METHODS = Map.of("sms", new String[] {"9", "SMS"}, "email", new String[] {"4", "E-mail"},
            "letter", new String[] {"1", "Letter"});
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final OptOuts optOuts;

    ContactPreferences(FhirApi fhir, OptOuts optOuts) {
        this.fhir = fhir;
        this.optOuts = optOuts;
    }

    @Override
    public String resourceType() {
        return "Patient";
    }

    @Override
    public String name() {
        return "contact-preferences";
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        if (!"POST".equals(method) || id == null) {
            return outcome(405, "not-supported", "POST Patient/{id}/$contact-preferences");
        }
        Map<String, String> input = input(body);
        String how = input.getOrDefault("method", "");
        String mobile = input.getOrDefault("mobile", "").replace(" ", "");
        String email = input.getOrDefault("email", "").trim();
        if (!METHODS.containsKey(how)) {
            return outcome(400, "required", "Choose how we should contact you: sms, email or letter");
        }
        if (!mobile.isEmpty() && !mobile.matches("(07\\d{9}|\\+447\\d{9})")) {
            return outcome(400, "invalid", "Enter a UK mobile number, like 07700 900 982");
        }
        if ("sms".equals(how) && mobile.isEmpty()) {
            return outcome(400, "required", "Enter a mobile number for text messages");
        }
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return outcome(400, "invalid", "Enter an email address in the correct format, like name@example.com");
        }
        if ("email".equals(how) && email.isEmpty()) {
            return outcome(400, "required", "Enter an email address for emails");
        }
        boolean patient = "patient".equals(caller.agent().kind());
        if (!patient && !caller.permissions().allows("Patient", FhirAction.UPDATE)) {
            return outcome(403, "forbidden", "You may not change this patient's details");
        }
        FhirApi.Answer read = fhir.handle(caller, "GET", "Patient/" + id, null); // the caller may see this record
        if (read.status() != 200) {
            return read;
        }
        ObjectNode record = (ObjectNode) parse(read.body());
        String version = record.at("/meta/versionId").asText();
        updateTelecom(record, "phone", mobile, true);
        updateTelecom(record, "email", email, false);
        ArrayNode extensions = record.withArray("extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (ContactDetails.PREFERENCE.equals(extensions.get(i).path("url").asText())) {
                extensions.remove(i);
            }
        }
        extensions.addObject().put("url", ContactDetails.PREFERENCE).putArray("extension").addObject().put("url", "PreferredContactMethod")
                .putObject("valueCodeableConcept").putArray("coding").addObject().put("system", CODES).put("code", METHODS.get(how)[0])
                .put("display", METHODS.get(how)[1]);
        // a patient writes only these parts of their own record: allowed for this one write
        FhirAccess writer = patient ? new FhirAccess(caller.agent(), (type, action) -> "Patient".equals(type), Visibility.EVERYTHING, false) : caller;
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        ObjectNode entry = bundle.putArray("entry").addObject();
        entry.set("resource", record);
        entry.putObject("request").put("method", "PUT").put("url", "Patient/" + id).put("ifMatch", "W/\"" + version + "\"");
        FhirApi.Answer written = fhir.handle(writer, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (written.status() != 200) {
            return written.status() == 412 ? outcome(409, "conflict", "Your details changed just now: look again") : written;
        }
        String kind = MessageKind.APPOINTMENT_REMINDER.code();
        if ("false".equals(input.get("reminders"))) {
            optOuts.record(id, kind, caller.agent().who(), "Asked for no reminders");
        } else if ("true".equals(input.get("reminders"))) {
            optOuts.lift(id, kind, caller.agent().who());
        }
        return fhir.handle(caller, "GET", "Patient/" + id, null);
    }

    /** Replaces the patient's mobile number (or email address) with the new one, or removes it when none is given. */
    private static void updateTelecom(ObjectNode patient, String system, String value, boolean mobile) {
        ArrayNode telecom = patient.withArray("telecom");
        for (int i = telecom.size() - 1; i >= 0; i--) {
            JsonNode one = telecom.get(i);
            boolean isMobile = "mobile".equals(one.path("use").asText()) || one.path("value").asText().replace(" ", "").matches("(07|\\+447).*");
            if (system.equals(one.path("system").asText()) && (!mobile || isMobile)) {
                telecom.remove(i);
            }
        }
        if (!value.isEmpty()) {
            ObjectNode added = telecom.addObject().put("system", system).put("value", value);
            if (mobile) {
                added.put("use", "mobile");
            }
        }
        if (telecom.isEmpty()) {
            patient.remove("telecom");
        }
    }

    private static Map<String, String> input(byte[] body) {
        Map<String, String> values = new java.util.HashMap<>();
        if (body == null) {
            return values;
        }
        for (JsonNode parameter : parse(body).path("parameter")) {
            for (String type : List.of("valueString", "valueCode", "valueBoolean")) {
                if (parameter.has(type)) {
                    values.put(parameter.path("name").asText(), parameter.path(type).asText());
                }
            }
        }
        return values;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static FhirApi.Answer outcome(int status, String code, String text) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", code).put("diagnostics", text);
        return new FhirApi.Answer(status, outcome.toString().getBytes(StandardCharsets.UTF_8));
    }
}
