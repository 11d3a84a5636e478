package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** How the scheduling pages name a patient: their name and NHS number, or their record id if the page cannot see them. */
public record PatientLine(String id, String name, String nhsNumber) {

    static PatientLine of(String reference, JsonNode patient) {
        String id = reference.replaceFirst("^Patient/", "");
        if (patient == null || patient.isMissingNode()) {
            return new PatientLine(id, "Patient/" + id, "");
        }
        JsonNode name = patient.at("/name/0");
        String family = name.path("family").asText("");
        String given = name.at("/given/0").asText("");
        String nhs = "";
        for (JsonNode identifier : patient.path("identifier")) {
            if ("https://fhir.nhs.uk/Id/nhs-number".equals(identifier.path("system").asText())) {
                String n = identifier.path("value").asText();
                nhs = n.length() == 10 ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6) : n;
            }
        }
        return new PatientLine(id, (family.toUpperCase(java.util.Locale.UK) + ", " + given).replaceAll("^, |, $", ""), nhs);
    }
}
