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

    BookAppointment(StoreCalls store, PatientRules rules) {
        this.store = store;
        this.rules = rules;
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
        store.read(caller, patient); // the patient exists, and the caller may see them
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
        for (JsonNode actor : store.read(PatientRules.writer(caller), slot.at("/schedule/reference").asText()).path("actor")) {
            participants.addObject().put("status", "accepted").set("actor", actor);
        }
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, slot.put("status", "busy"));
        ObjectNode create = entries.addObject().put("fullUrl", "urn:uuid:" + java.util.UUID.randomUUID());
        create.set("resource", appointment);
        create.putObject("request").put("method", "POST").put("url", "Appointment");
        JsonNode written = store.transaction(PatientRules.writer(caller), entries, "The slot was taken by another booking just now: choose another");
        String[] location = written.at("/entry/1/response/location").asText().replaceFirst("/_history/.*", "").split("/");
        return resource(201, store.read(caller, "Appointment/" + location[location.length - 1]));
    }
}
