package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.alerts.OpenAlerts;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.monitoring.News2;
import org.springframework.stereotype.Component;

/**
 * A virtual ward's board, read through the FHIR API as the member of staff looking (so only the patients they
 * may see, and every read audited): the ward (a Location of type virtual ward, its capacity an extension), the
 * patients admitted (in-progress virtual Encounters at it), each one's latest NEWS2 and the one before, the readings
 * their monitoring plan (an active CarePlan's activities: which code, how often) has not had in time, and their open
 * alerts.
 */
@Component
class WardBoard {

    static final String WARD_TYPE = "https://fhir.joinedup.nhs.uk/CodeSystem/location-type|virtual-ward";
    static final String CAPACITY = "https://fhir.joinedup.nhs.uk/StructureDefinition/bed-capacity";

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
            .withZone(java.time.ZoneId.of("Europe/London"));

    /** One bed's row. */
    record Bed(String patientId, String name, String admitted, Integer news2, String news2At, String trend, String risk, List<String> overdue,
               List<OpenAlerts.OpenAlert> alerts) {

        int acuity() {
            int alertWeight = alerts.stream().mapToInt(a -> a.severity().ordinal() == 0 ? 100 : a.severity().ordinal() == 1 ? 50 : 10).max().orElse(0);
            return alertWeight + (news2 == null ? 0 : news2 * 3) + overdue.size();
        }
    }

    /** The ward and its beds. */
    record Board(String id, String name, String organisation, int capacity, List<Bed> beds) {
    }

    private final FhirApi fhir;
    private final OpenAlerts alerts;

    WardBoard(FhirApi fhir, OpenAlerts alerts) {
        this.fhir = fhir;
        this.alerts = alerts;
    }

    /** The virtual wards an organisation runs: id to name. */
    Map<String, String> wards(FhirAccess as, String organisation) {
        Map<String, String> wards = new java.util.LinkedHashMap<>();
        for (JsonNode org : fhir.handle(as, "GET", "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|" + organisation, null).matches()) {
            for (JsonNode ward : fhir.handle(as, "GET", "Location?type=" + WARD_TYPE + "&organization=Organization/" + org.path("id").asText() + "&_count=100",
                    null).matches()) {
                wards.put(ward.path("id").asText(), ward.path("name").asText());
            }
        }
        return wards;
    }

    Board board(FhirAccess as, String organisation, String wardId, String sort) {
        List<JsonNode> found = fhir.handle(as, "GET", "Location?_id=" + wardId + "&type=" + WARD_TYPE, null).matches();
        if (found.isEmpty()) {
            return null;
        }
        JsonNode ward = found.getFirst();
        int capacity = 0;
        for (JsonNode extension : ward.path("extension")) {
            if (CAPACITY.equals(extension.path("url").asText())) {
                capacity = extension.path("valueInteger").asInt();
            }
        }
        JsonNode stays = fhir.handle(as, "GET", "Encounter?location=Location/" + wardId + "&status=in-progress&class=VR&_include=Encounter:subject&_count=500",
                null).json();
        Map<String, JsonNode> patients = new HashMap<>();
        List<JsonNode> encounters = new ArrayList<>();
        for (JsonNode entry : stays.path("entry")) {
            JsonNode r = entry.path("resource");
            if ("Patient".equals(r.path("resourceType").asText())) {
                patients.put(r.path("id").asText(), r);
            } else if ("Encounter".equals(r.path("resourceType").asText())) {
                encounters.add(r);
            }
        }
        Map<String, List<OpenAlerts.OpenAlert>> open = new HashMap<>();
        alerts.forPatients(organisation, encounters.stream().map(e -> e.at("/subject/reference").asText().replaceFirst("^Patient/", "")).toList())
                .forEach(a -> open.computeIfAbsent(a.patientId(), k -> new ArrayList<>()).add(a));
        List<Bed> beds = new ArrayList<>();
        for (JsonNode stay : encounters) {
            String patientId = stay.at("/subject/reference").asText().replaceFirst("^Patient/", "");
            JsonNode patient = patients.get(patientId);
            if (patient == null) {
                continue; // not theirs to see
            }
            beds.add(bed(as, patientId, patient, stay, open.getOrDefault(patientId, List.of())));
        }
        beds.sort("name".equals(sort) ? Comparator.comparing(Bed::name) : Comparator.comparingInt(Bed::acuity).reversed().thenComparing(Bed::name));
        return new Board(wardId, ward.path("name").asText(), organisation, capacity, beds);
    }

    private Bed bed(FhirAccess as, String patientId, JsonNode patient, JsonNode stay, List<OpenAlerts.OpenAlert> open) {
        List<JsonNode> scores = fhir.handle(as, "GET", "Observation?subject=Patient/" + patientId + "&code=http://snomed.info/sct|" + News2.TOTAL_SCORE
                + "&_sort=-date&_count=2", null).matches();
        Integer latest = scores.isEmpty() ? null : scores.getFirst().at("/valueQuantity/value").asInt();
        String trend = scores.size() < 2 ? "" : trendOf(latest, scores.get(1).at("/valueQuantity/value").asInt());
        String risk = scores.isEmpty() ? "" : scores.getFirst().at("/interpretation/0/text").asText(scores.getFirst().at("/interpretation/0/coding/0/display")
                .asText("")).split("\\. ")[0].replaceFirst("\\.$", "");
        Instant admitted = instant(stay.at("/period/start").asText(null));
        return new Bed(patientId, name(patient), admitted == null ? "" : DAY.format(admitted),
                latest, scores.isEmpty() ? "" : MonitoringPlans.ago(instant(scores.getFirst().path("effectiveDateTime").asText(null))), trend, risk,
                MonitoringPlans.overdue(fhir, as, patientId, admitted), open);
    }

    private static String trendOf(int latest, int before) {
        return latest > before ? "rising from " + before : latest < before ? "falling from " + before : "unchanged";
    }

    private static String name(JsonNode patient) {
        JsonNode name = patient.at("/name/0");
        String given = name.path("given").path(0).asText("");
        return (name.path("family").asText("").toUpperCase(java.util.Locale.ROOT) + (given.isEmpty() ? "" : ", " + given)).strip();
    }

    static Instant instant(String at) {
        if (at == null || at.isEmpty()) {
            return null;
        }
        try {
            return at.length() == 10 ? java.time.LocalDate.parse(at).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant() : OffsetDateTime.parse(at)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String since(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes < 60 ? minutes + " min" : minutes < 48 * 60 ? minutes / 60 + " h" : minutes / 1440 + " days";
    }
}
