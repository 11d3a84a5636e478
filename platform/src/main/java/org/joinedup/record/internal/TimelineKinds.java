package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the timeline shows, by kind: the FHIR searches behind each kind, the search parameter that dates each,
 * and the elements that parameter indexes (only those: a resource is placed by the date its search finds it by,
 * so that every page's "before" condition agrees with the order; one without that date is not on the timeline).
 */
final class TimelineKinds {

    /**
     * One search behind a kind: a resource type (with fixed criteria), its date parameter, where its date is, and
     * the reference parameter naming the organisation it came from (null when the type has none to search by).
     */
    record Source(String kind, String type, String criteria, String dateParam, List<String> datePaths, String organisationParam) {

        /** The kind of one resource found: this source's, or for the source of both kinds of observation, by its category. */
        String kindOf(JsonNode resource) {
            if (kind != null) {
                return kind;
            }
            for (JsonNode category : resource.path("category")) {
                for (JsonNode coding : category.path("coding")) {
                    String code = coding.path("code").asText();
                    if ("vital-signs".equals(code) || "survey".equals(code) || "activity".equals(code)) {
                        return "observations";
                    }
                }
            }
            return "results";
        }

        String when(JsonNode resource) {
            for (String path : datePaths) {
                String value = resource.at(path).asText(null);
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            }
            return null;
        }
    }

    /** The kinds, in the order the filter lists them, with their labels. */
    static final Map<String, String> LABELS = new java.util.LinkedHashMap<>();

    static final List<Source> SOURCES = List.of(
            new Source("encounters", "Encounter", "", "date", List.of("/period/start"), "service-provider"),
            new Source("results", "DiagnosticReport", "", "date", List.of("/effectiveDateTime", "/effectivePeriod/start"), "performer"),
            new Source("results", "Observation", "&category=laboratory", "date", List.of("/effectiveDateTime", "/effectivePeriod/start"), "performer"),
            new Source("observations", "Observation", "&category=vital-signs,survey,activity", "date", List.of("/effectiveDateTime", "/effectivePeriod/start"),
                    "performer"),
            new Source("medications", "MedicationRequest", "", "authoredon", List.of("/authoredOn"), "requester"),
            new Source("medications", "MedicationAdministration", "", "effective-time", List.of("/effectiveDateTime", "/effectivePeriod/start"), null),
            new Source("documents", "DocumentReference", "", "date", List.of("/date"), "custodian"),
            new Source("appointments", "Appointment", "", "date", List.of("/start"), null),
            new Source("care-events", "Condition", "", "onset-date", List.of("/onsetDateTime", "/onsetPeriod/start"), null),
            new Source("care-events", "CarePlan", "", "date", List.of("/period/start"), null),
            new Source("care-events", "Communication", "", "sent", List.of("/sent"), null),
            new Source("care-events", "AllergyIntolerance", "", "date", List.of("/recordedDate"), null),
            new Source("care-events", "Procedure", "", "date", List.of("/performedDateTime", "/performedPeriod/start"), "performer"));

    /** Laboratory results and vital signs in one search, when both kinds are shown (one walk of the record instead of two). */
    static final Source BOTH_OBSERVATIONS = new Source(null, "Observation", "&category=laboratory,vital-signs,survey,activity", "date",
            List.of("/effectiveDateTime", "/effectivePeriod/start"), "performer");

    /** The searches for the kinds chosen. */
    static List<Source> sourcesFor(java.util.Set<String> kinds) {
        List<Source> chosen = SOURCES.stream().filter(s -> kinds.contains(s.kind())).toList();
        if (!kinds.contains("results") || !kinds.contains("observations")) {
            return chosen;
        }
        List<Source> merged = new java.util.ArrayList<>();
        for (Source source : chosen) {
            if (!source.type().equals("Observation")) {
                merged.add(source);
            } else if (!merged.contains(BOTH_OBSERVATIONS)) {
                merged.add(BOTH_OBSERVATIONS);
            }
        }
        return merged;
    }

    static {
        LABELS.put("encounters", "Encounters");
        LABELS.put("results", "Results");
        LABELS.put("medications", "Medications");
        LABELS.put("documents", "Documents");
        LABELS.put("appointments", "Appointments");
        LABELS.put("observations", "Observations");
        LABELS.put("care-events", "Care events");
    }

    private TimelineKinds() {
    }
}
