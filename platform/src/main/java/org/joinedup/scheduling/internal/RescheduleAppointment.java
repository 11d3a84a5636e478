package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code POST Appointment/{id}/$reschedule} with a new {@code slot}: one transaction takes the new slot (only if
 * it is still free), moves the Appointment to it and frees the old one, so the patient is never left without
 * either. Answers the moved Appointment.
 */
@Component
class RescheduleAppointment extends SchedulingOperation {

    private final StoreCalls store;

    RescheduleAppointment(StoreCalls store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "reschedule";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        ObjectNode appointment = Booked.read(store, caller, id);
        ObjectNode slot = Slots.free(store, caller, input.required("slot"));
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, slot.deepCopy().put("status", "busy"));
        for (JsonNode old : appointment.path("slot")) {
            StoreCalls.put(entries, store.read(caller, old.path("reference").asText()).put("status", "free"));
        }
        appointment.put("start", slot.path("start").asText()).put("end", slot.path("end").asText());
        appointment.putArray("slot").addObject().put("reference", "Slot/" + slot.path("id").asText());
        StoreCalls.put(entries, appointment);
        store.transaction(caller, entries, "The new slot was taken, or the appointment changed, just now: choose again");
        return resource(200, store.read(caller, "Appointment/" + id));
    }
}
