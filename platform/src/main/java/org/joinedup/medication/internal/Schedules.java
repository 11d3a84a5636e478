package org.joinedup.medication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.medication.DoseSchedule;
import org.joinedup.medication.MedicationProperties;
import org.joinedup.medication.ScheduledDose;
import org.springframework.stereotype.Component;

/**
 * A person's day of doses from their active prescriptions (MedicationRequests), read as the caller: each
 * prescription's first dosage instruction made a {@link DoseSchedule}; the times of the day gathered, with what is due
 * at each; as-needed medicines, and those whose dosage gives no times (for a person to set), listed apart.
 */
@Component
class Schedules {

    /** A day's schedule. */
    record Day(LocalDate date, List<ScheduledDose> doses, List<ScheduledDose.Medicine> asNeeded, List<String> problems) {
    }

    private final FhirApi fhir;
    private final MedicationProperties properties;

    Schedules(FhirApi fhir, MedicationProperties properties) {
        this.fhir = fhir;
        this.properties = properties;
    }

    Day forPatient(FhirAccess as, String patientId, LocalDate date) {
        Map<LocalTime, List<ScheduledDose.Medicine>> byTime = new TreeMap<>();
        List<ScheduledDose.Medicine> asNeeded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode request : fhir.handle(as, "GET", "MedicationRequest?subject=Patient/" + patientId + "&status=active&_count=100", null).matches()) {
            JsonNode dosage = request.path("dosageInstruction").path(0);
            LocalDate start = request.path("authoredOn").isTextual() ? LocalDate.parse(request.path("authoredOn").asText().substring(0, 10)) : null;
            DoseSchedule schedule = DoseSchedule.of(dosage, properties.rounds(), start);
            ScheduledDose.Medicine medicine = new ScheduledDose.Medicine("MedicationRequest/" + request.path("id").asText(), name(request),
                    dosage.path("text").asText(""), schedule.food());
            if (schedule.asNeeded()) {
                asNeeded.add(medicine);
            } else if (schedule.problem() != null) {
                problems.add(medicine.name() + ": " + schedule.problem());
            } else if (schedule.dueOn(date)) {
                schedule.times().forEach(t -> byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(medicine));
            }
        }
        List<ScheduledDose> doses = new ArrayList<>();
        byTime.forEach((time, medicines) -> doses.add(new ScheduledDose(time, date.atTime(time).atZone(properties.zone()).toInstant(), medicines)));
        return new Day(date, doses, asNeeded, problems);
    }

    static String name(JsonNode request) {
        JsonNode concept = request.path("medicationCodeableConcept");
        return concept.path("text").asText(concept.at("/coding/0/display").asText(request.at("/medicationReference/display").asText("A medicine")));
    }
}
