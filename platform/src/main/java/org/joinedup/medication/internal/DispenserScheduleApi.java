package org.joinedup.medication.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAccessResolver;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirApi;
import org.joinedup.medication.MedicationProperties;
import org.joinedup.medication.ScheduledDose;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /devices/<id>/schedule?date=}: what a medication dispenser is to present on a day (today by default),
 * for the person its Device serves: each time with its medicines (prescription, name, dose, food), the as-needed
 * medicines, and prescriptions it cannot schedule, with why. The dispenser's client needs to read MedicationRequests
 * ({@code system/MedicationRequest.r}); the reads are audited as that client's.
 */
@RestController
class DispenserScheduleApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirAccessResolver resolver;
    private final FhirApi fhir;
    private final Schedules schedules;
    private final MedicationProperties properties;

    DispenserScheduleApi(FhirAccessResolver resolver, FhirApi fhir, Schedules schedules, MedicationProperties properties) {
        this.resolver = resolver;
        this.fhir = fhir;
        this.schedules = schedules;
        this.properties = properties;
    }

    @GetMapping(path = "/devices/{id}/schedule", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> schedule(HttpServletRequest request, @PathVariable String id, @RequestParam(required = false) String date) {
        FhirAccess caller;
        try {
            caller = resolver.resolve(request);
        } catch (FhirAccessResolver.Unauthenticated e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", e.challenge()).contentType(MediaType.APPLICATION_JSON)
                    .body(problem(e.getMessage()));
        }
        if (!caller.permissions().allows("MedicationRequest", FhirAction.READ)) {
            return answer(HttpStatus.FORBIDDEN, problem("The client may not read prescriptions: it needs the scope system/MedicationRequest.r"));
        }
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(properties.zone()) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return answer(HttpStatus.BAD_REQUEST, problem("The date must be written 2026-11-26"));
        }
        List<com.fasterxml.jackson.databind.JsonNode> devices = id.matches("[A-Za-z0-9.-]{1,64}")
                ? fhir.handle(caller, "GET", "Device?_id=" + id, null).matches() : List.of();
        String patient = devices.isEmpty() ? "" : devices.getFirst().at("/patient/reference").asText("");
        if (!patient.startsWith("Patient/")) {
            return answer(HttpStatus.NOT_FOUND, problem(devices.isEmpty() ? "Device/" + id + " is not registered in the record"
                    : "Device/" + id + " serves no patient"));
        }
        Schedules.Day schedule = schedules.forPatient(caller, patient.substring(8), day);
        ObjectNode out = JSON.createObjectNode().put("device", "Device/" + id).put("patient", patient).put("date", day.toString())
                .put("zone", properties.zone().getId());
        ArrayNode doses = out.putArray("doses");
        for (ScheduledDose dose : schedule.doses()) {
            ObjectNode d = doses.addObject().put("time", dose.time().toString()).put("due", dose.due().toString());
            medicines(d.putArray("medicines"), dose.medicines());
        }
        medicines(out.putArray("asNeeded"), schedule.asNeeded());
        ArrayNode problems = out.putArray("notScheduled");
        schedule.problems().forEach(problems::add);
        return answer(HttpStatus.OK, out.toString());
    }

    private static void medicines(ArrayNode into, List<ScheduledDose.Medicine> medicines) {
        for (ScheduledDose.Medicine m : medicines) {
            ObjectNode node = into.addObject().put("medicationRequest", m.medicationRequest()).put("name", m.name()).put("dose", m.dose());
            if (m.food() != null) {
                node.put("food", m.food());
            }
        }
    }

    private static String problem(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
