package org.joinedup.medication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.OpenAlerts;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.medication.MedicationProperties;
import org.joinedup.medication.ScheduledDose;
import org.springframework.stereotype.Component;

/**
 * A domiciliary care provider's day, read as the carer looking (so only the people they care for, every read
 * audited): the people whose dispensers the provider owns, each with today's doses and what became of each (taken,
 * taken late, missed, not yet recorded, still to come), their open medication alerts, and the share of doses
 * taken in each of the last four weeks (from the dispensers' records: taken, on time or late, of taken and missed).
 */
@Component
class CarersDay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One medicine at one time, and what became of it. */
    record DoseLine(String time, String medicine, String food, String status, boolean attention) {
    }

    /** One person's day. */
    record Person(String patientId, String name, List<DoseLine> doses, List<String> asNeeded, List<String> problems, List<OpenAlerts.OpenAlert> alerts,
                  List<String> adherence) {

        public boolean needsAttention() {
            return !alerts.isEmpty() || doses.stream().anyMatch(DoseLine::attention) || !problems.isEmpty();
        }
    }

    private final FhirApi fhir;
    private final Schedules schedules;
    private final OpenAlerts alerts;
    private final MedicationProperties properties;

    CarersDay(FhirApi fhir, Schedules schedules, OpenAlerts alerts, MedicationProperties properties) {
        this.fhir = fhir;
        this.schedules = schedules;
        this.alerts = alerts;
        this.properties = properties;
    }

    List<Person> today(FhirAccess as, String organisation) {
        ZoneId zone = properties.zone();
        LocalDate today = LocalDate.now(zone);
        Map<String, JsonNode> patients = new HashMap<>();
        for (JsonNode org : fhir.handle(as, "GET", "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|" + organisation, null).matches()) {
            JsonNode found = fhir.handle(as, "GET", "Device?organization=Organization/" + org.path("id").asText() + "&_include=Device:patient&_count=500", null)
                    .json();
            for (JsonNode entry : found.path("entry")) {
                if ("Patient".equals(entry.at("/resource/resourceType").asText())) {
                    patients.put(entry.at("/resource/id").asText(), entry.path("resource"));
                }
            }
        }
        Map<String, List<OpenAlerts.OpenAlert>> open = new HashMap<>();
        alerts.forPatients(organisation, patients.keySet()).stream().filter(a -> a.kind() == AlertKind.MEDICATION)
                .forEach(a -> open.computeIfAbsent(a.patientId(), k -> new ArrayList<>()).add(a));
        List<Person> people = new ArrayList<>();
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
        for (JsonNode patient : patients.values()) {
            String id = patient.path("id").asText();
            List<JsonNode> given = fhir.handle(as, "GET", "MedicationAdministration?subject=Patient/" + id + "&effective-time=ge"
                    + firstMonday.atStartOfDay(zone).toOffsetDateTime() + "&_count=1000", null).matches();
            Schedules.Day day = schedules.forPatient(as, id, today);
            people.add(new Person(id, name(patient), lines(day, given, zone), day.asNeeded().stream().map(m -> m.name() + " (" + m.dose() + ")").toList(),
                    day.problems(), open.getOrDefault(id, List.of()), adherence(given, firstMonday, zone)));
        }
        people.sort(Comparator.comparing((Person p) -> !p.needsAttention()).thenComparing(Person::name));
        return people;
    }

    private List<DoseLine> lines(Schedules.Day day, List<JsonNode> given, ZoneId zone) {
        Instant now = Instant.now();
        List<DoseLine> lines = new ArrayList<>();
        for (ScheduledDose dose : day.doses()) {
            for (ScheduledDose.Medicine medicine : dose.medicines()) {
                JsonNode record = given.stream().filter(a -> medicine.medicationRequest().equals(a.at("/request/reference").asText()))
                        .filter(a -> instant(a) != null && Duration.between(dose.due(), instant(a)).abs().compareTo(Duration.ofHours(3)) <= 0)
                        .min(Comparator.comparing(a -> Duration.between(dose.due(), instant(a)).abs())).orElse(null);
                String status;
                boolean attention;
                if (record != null && "not-done".equals(record.path("status").asText())) {
                    status = "Missed";
                    attention = true;
                } else if (record != null) {
                    boolean late = record.has("note") || instant(record).isAfter(dose.due().plus(properties.lateAfter()));
                    status = (late ? "Taken late at " : "Taken at ") + TIME.format(instant(record).atZone(zone));
                    attention = false;
                } else if (now.isAfter(dose.due().plus(properties.lateAfter()))) {
                    status = "Not recorded";
                    attention = true;
                } else {
                    status = now.isAfter(dose.due()) ? "Due now" : "To come";
                    attention = false;
                }
                lines.add(new DoseLine(dose.time().toString(), medicine.name() + " – " + medicine.dose(), medicine.food(), status, attention));
            }
        }
        return lines;
    }

    /** Doses taken of those recorded, in each week from the first Monday, newest first. */
    private static List<String> adherence(List<JsonNode> given, LocalDate firstMonday, ZoneId zone) {
        List<String> weeks = new ArrayList<>();
        for (int w = 3; w >= 0; w--) {
            LocalDate from = firstMonday.plusWeeks(w);
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = from.plusWeeks(1).atStartOfDay(zone).toInstant();
            int taken = 0;
            int recorded = 0;
            for (JsonNode a : given) {
                Instant at = instant(a);
                if (at != null && !at.isBefore(start) && at.isBefore(end)) {
                    recorded++;
                    taken += "completed".equals(a.path("status").asText()) ? 1 : 0;
                }
            }
            weeks.add("Week of " + from.format(DateTimeFormatter.ofPattern("d MMM")) + ": " + (recorded == 0 ? "no doses recorded"
                    : Math.round(100.0 * taken / recorded) + "% taken (" + taken + " of " + recorded + ")"));
        }
        return weeks;
    }

    private static Instant instant(JsonNode administration) {
        String at = administration.path("effectiveDateTime").asText(administration.at("/effectivePeriod/start").asText(""));
        try {
            return at.isEmpty() ? null : OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String name(JsonNode patient) {
        JsonNode name = patient.at("/name/0");
        String given = name.path("given").path(0).asText("");
        return (name.path("family").asText("").toUpperCase(java.util.Locale.ROOT) + (given.isEmpty() ? "" : ", " + given)).strip();
    }
}
