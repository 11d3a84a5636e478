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

    /** One search behind a kind: a resource type (with fixed criteria), its date parameter, and where its date is. */
    record Source(String kind, String type, String criteria, String dateParam, List<String> datePaths) {

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
            new Source("encounters", "Encounter", "", "date", List.of("/period/start")),
            new Source("results", "DiagnosticReport", "", "date", List.of("/effectiveDateTime", "/effectivePeriod/start")),
            new Source("results", "Observation", "&category=laboratory", "date", List.of("/effectiveDateTime", "/effectivePeriod/start")),
            new Source("observations", "Observation", "&category=vital-signs", "date", List.of("/effectiveDateTime", "/effectivePeriod/start")),
            new Source("medications", "MedicationRequest", "", "authoredon", List.of("/authoredOn")),
            new Source("documents", "DocumentReference", "", "date", List.of("/date")),
            new Source("appointments", "Appointment", "", "date", List.of("/start")),
            new Source("care-events", "Condition", "", "onset-date", List.of("/onsetDateTime", "/onsetPeriod/start")),
            new Source("care-events", "CarePlan", "", "date", List.of("/period/start")),
            new Source("care-events", "AllergyIntolerance", "", "date", List.of("/recordedDate")),
            new Source("care-events", "Procedure", "", "date", List.of("/performedDateTime", "/performedPeriod/start")));

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
