package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code POST Appointment/$book} with a {@code slot} and a {@code patient}: books the patient into the slot if it
 * is free. The slot is marked busy and the Appointment created in one transaction that holds only if the slot has
 * not changed since it was read, so two bookings of one slot at the same moment give one Appointment and one
 * 409 (the other must choose again). A patient booking for themselves keeps to the service's rules
 * ({@link PatientRules}). Answers 201 with the Appointment.
 */
@Component
class BookAppointment extends SchedulingOperation {

    private final StoreCalls store;
    private final PatientRules rules;
    private final ScheduleActors clinics;

    BookAppointment(StoreCalls store, PatientRules rules, ScheduleActors clinics) {
        this.store = store;
        this.rules = rules;
        this.clinics = clinics;
    }

    @Override
    public String name() {
        return "book";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        ObjectNode slot = Slots.free(store, caller, input.required("slot"));
        rules.mayBookInto(caller, slot);
        String patient = input.required("patient");
        if (!patient.startsWith("Patient/")) {
            throw new Refusal(400, "invalid", "'" + patient + "' is not a Patient");
        }
        if (PatientRules.isPatient(caller)) {
            store.read(caller, patient); // their own record (or one they are a proxy for): the write below is made with wider access
        } // staff: the write itself is refused unless the patient exists and is in their care (or break-glass)
        ObjectNode appointment = StoreCalls.JSON.createObjectNode().put("resourceType", "Appointment").put("status", "booked");
        if (slot.has("serviceType")) {
            appointment.set("serviceType", slot.path("serviceType"));
        }
        appointment.put("start", slot.path("start").asText()).put("end", slot.path("end").asText()).put("created", LocalDate.now().toString());
        String description = input.get("description");
        if (description != null) {
            appointment.put("description", description);
        }
        appointment.putArray("slot").addObject().put("reference", "Slot/" + slot.path("id").asText());
        ArrayNode participants = appointment.putArray("participant");
        participants.addObject().put("status", "accepted").putObject("actor").put("reference", patient);
        for (JsonNode actor : clinics.of(PatientRules.writer(caller), slot.at("/schedule/reference").asText())) {
            participants.addObject().put("status", "accepted").set("actor", actor);
        }
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, slot.put("status", "busy"));
        ObjectNode create = entries.addObject().put("fullUrl", "urn:uuid:" + java.util.UUID.randomUUID());
        create.set("resource", appointment);
        create.putObject("request").put("method", "POST").put("url", "Appointment");
        JsonNode written = store.transaction(PatientRules.writer(caller), entries, "The slot was taken by another booking just now: choose another");
        // the Appointment as stored: as written, with the id and version the store gave it
        JsonNode response = written.at("/entry/1/response");
        appointment.put("id", StoreCalls.createdId(written, 1));
        appointment.putObject("meta").put("versionId", response.path("etag").asText("W/\"1\"").replaceAll("[^0-9]", ""))
                .put("lastUpdated", response.path("lastModified").asText());
        ObjectNode ordered = StoreCalls.JSON.createObjectNode().put("resourceType", "Appointment").put("id", appointment.path("id").asText());
        ordered.set("meta", appointment.path("meta"));
        appointment.fields().forEachRemaining(field -> ordered.putIfAbsent(field.getKey(), field.getValue()));
        return resource(201, ordered);
    }
}
