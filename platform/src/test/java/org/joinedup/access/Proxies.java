package org.joinedup.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.fhir.FhirClient;

/** Makes someone a patient's proxy as the record holds it: a RelatedPerson with their NHS number, and the patient's permit Consent naming them. */
public final class Proxies {

    private Proxies() {
    }

    /** Returns the Consent, so that a test can withdraw it. */
    public static ObjectNode name(FhirClient fhir, String patientId, String proxyNhsNumber) {
        String person = fhir.create(FhirClient.parse("{\"resourceType\":\"RelatedPerson\",\"patient\":{\"reference\":\"Patient/" + patientId
                + "\"},\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + proxyNhsNumber + "\"}],"
                + "\"relationship\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-RoleCode\",\"code\":\"PRN\"}]}]}"))
                .path("id").asText();
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Consent\",\"status\":\"active\",\"scope\":{\"coding\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"patient-privacy\"}]},\"category\":[{"
                + "\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"59284-0\"}]}],\"patient\":{\"reference\":\"Patient/" + patientId + "\"},"
                + "\"policyRule\":{\"text\":\"Proxy access\"},\"provision\":{\"type\":\"permit\",\"actor\":[{\"role\":{\"coding\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ParticipationType\",\"code\":\"IRCP\"}]},"
                + "\"reference\":{\"reference\":\"RelatedPerson/" + person + "\"}}]}}")).deepCopy();
    }
}
