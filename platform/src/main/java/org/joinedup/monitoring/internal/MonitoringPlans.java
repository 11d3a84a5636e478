package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;

/**
 * A patient's monitoring plan: the activities of their active CarePlans that name a reading (a coded activity
 * detail) and how often it is due ({@code scheduledTiming.repeat}: frequency per period). A reading is overdue when
 * the latest of its code is older than its interval, or there is none and the patient was admitted longer ago.
 */
final class MonitoringPlans {

    private MonitoringPlans() {
    }

    /** Readings overdue alike: their names, how often they are due, and when last taken (null: none since admission). */
    record Overdue(List<String> readings, Duration interval, Instant last) {

        /** In words: "Pulse rate, Body temperature: due every 4 h, last 6 h ago". */
        String text() {
            return String.join(", ", readings) + ": due every " + WardBoard.since(interval) + ", " + (last == null ? "none since admission" : "last " + ago(last));
        }
    }

    /** The overdue readings, in words, those due and last taken alike together. */
    static List<String> overdue(FhirApi fhir, FhirAccess as, String patientId, Instant admitted) {
        return overdueReadings(fhir, as, patientId, admitted).stream().map(Overdue::text).toList();
    }

    /** The overdue readings, those due and last taken alike together. */
    static List<Overdue> overdueReadings(FhirApi fhir, FhirAccess as, String patientId, Instant admitted) {
        Map<String, Duration> due = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode plan : fhir.handle(as, "GET", "CarePlan?subject=Patient/" + patientId + "&status=active&_count=20", null).matches()) {
            for (JsonNode activity : plan.path("activity")) {
                JsonNode coding = activity.at("/detail/code/coding/0");
                Duration interval = interval(activity.at("/detail/scheduledTiming/repeat"));
                if (coding.isMissingNode() || interval == null || "cancelled".equals(activity.at("/detail/status").asText())) {
                    continue;
                }
                String code = coding.path("system").asText() + "|" + coding.path("code").asText();
                due.merge(code, interval, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                names.putIfAbsent(code, activity.at("/detail/code/text").asText(coding.path("display").asText(coding.path("code").asText())));
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (JsonNode o : fhir.handle(as, "GET", "Observation?subject=Patient/" + patientId + "&code=" + String.join(",", due.keySet())
                + "&_sort=-date&_count=200", null).matches()) {
            for (JsonNode coding : o.at("/code/coding")) {
                String code = coding.path("system").asText() + "|" + coding.path("code").asText();
                Instant at = WardBoard.instant(o.path("effectiveDateTime").asText(null));
                if (due.containsKey(code) && at != null) {
                    latest.merge(code, at, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        Instant now = Instant.now();
        Map<List<Object>, List<String>> overdue = new LinkedHashMap<>(); // readings by how often due and when last taken
        due.forEach((code, interval) -> {
            Instant last = latest.get(code);
            Instant since = last != null ? last : admitted;
            if (since != null && since.plus(interval).isBefore(now)) {
                overdue.computeIfAbsent(java.util.Arrays.asList(interval, last), k -> new ArrayList<>()).add(names.get(code));
            }
        });
        List<Overdue> found = new ArrayList<>();
        overdue.forEach((key, readings) -> found.add(new Overdue(readings, (Duration) key.get(0), (Instant) key.get(1))));
        return found;
    }

    static String ago(Instant at) {
        return at == null ? "" : WardBoard.since(Duration.between(at, Instant.now())) + " ago";
    }

    private static Duration interval(JsonNode repeat) {
        if (repeat.isMissingNode() || !repeat.has("period")) {
            return null;
        }
        double period = repeat.path("period").asDouble();
        int frequency = Math.max(1, repeat.path("frequency").asInt(1));
        long unitSeconds = switch (repeat.path("periodUnit").asText()) {
            case "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            case "wk" -> 604_800;
            default -> 0;
        };
        return unitSeconds == 0 || period <= 0 ? null : Duration.ofSeconds(Math.round(period * unitSeconds / frequency));
    }
}
