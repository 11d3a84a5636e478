package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.joinedup.fhir.FhirApi;

/**
 * Whose staff respond to a patient's vital signs: the organisation of the virtual ward they are admitted to (an
 * in-progress virtual Encounter), else of the hospital they are in (an in-progress inpatient, acute or emergency
 * Encounter), else of their GP practice; by ODS code, with where they are in words.
 */
record ResponsibleTeam(String organisation, String place) {

    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    static ResponsibleTeam of(FhirApi fhir, String subject) {
        List<JsonNode> stays = fhir.handle(News2Calculator.CALCULATOR, "GET", "Encounter?subject=" + subject + "&status=in-progress&class=VR,IMP,ACUTE,EMER"
                + "&_include=Encounter:service-provider&_include=Encounter:location&_count=10", null).json().path("entry").findValues("resource");
        List<JsonNode> encounters = stays.stream().filter(r -> "Encounter".equals(r.path("resourceType").asText()))
                .sorted(java.util.Comparator.comparing(e -> "VR".equals(e.at("/class/code").asText()) ? 0 : 1)).toList();
        for (JsonNode stay : encounters) {
            boolean virtual = "VR".equals(stay.at("/class/code").asText());
            String ods = ods(stays, stay.at("/serviceProvider/reference").asText());
            if (ods != null) {
                String ward = stays.stream().filter(r -> ("Location/" + r.path("id").asText()).equals(stay.at("/location/0/location/reference").asText()))
                        .map(r -> r.path("name").asText()).findFirst().orElse(virtual ? "Virtual ward" : stay.at("/location/0/location/display")
                                .asText("In hospital"));
                return new ResponsibleTeam(ods, virtual ? ward + " (at home)" : ward);
            }
        }
        List<JsonNode> patient = fhir.handle(News2Calculator.CALCULATOR, "GET", "Patient?_id=" + subject.replaceFirst("^Patient/", "")
                + "&_include=Patient:general-practitioner", null).json().path("entry").findValues("resource");
        for (JsonNode p : patient) {
            for (JsonNode gp : p.path("generalPractitioner")) {
                String ods = ods(patient, gp.path("reference").asText());
                if (ods != null) {
                    return new ResponsibleTeam(ods, "At home");
                }
            }
        }
        return null;
    }

    private static String ods(List<JsonNode> resources, String reference) {
        for (JsonNode r : resources) {
            if ("Organization".equals(r.path("resourceType").asText()) && reference.equals("Organization/" + r.path("id").asText())) {
                for (JsonNode identifier : r.path("identifier")) {
                    if (ODS.equals(identifier.path("system").asText())) {
                        return identifier.path("value").asText();
                    }
                }
            }
        }
        return null;
    }
}
