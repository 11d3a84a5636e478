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
 * either. Reminders not yet sent for the old time are withdrawn. A patient may move an appointment only as the
 * service's rules allow ({@link PatientRules}); their moves are counted on it. Answers the moved Appointment.
 */
@Component
class RescheduleAppointment extends SchedulingOperation {

    private final StoreCalls store;
    private final PatientRules rules;

    RescheduleAppointment(StoreCalls store, PatientRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "reschedule";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        ObjectNode appointment = Booked.read(store, caller, id);
        rules.mayChange(caller, appointment, true);
        ObjectNode slot = Slots.free(store, caller, input.required("slot"));
        rules.mayBookInto(caller, slot);
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, slot.deepCopy().put("status", "busy"));
        for (JsonNode old : appointment.path("slot")) {
            StoreCalls.put(entries, store.read(PatientRules.writer(caller), old.path("reference").asText()).put("status", "free"));
        }
        appointment.put("start", slot.path("start").asText()).put("end", slot.path("end").asText());
        appointment.putArray("slot").addObject().put("reference", "Slot/" + slot.path("id").asText());
        PatientRules.countMove(caller, appointment);
        StoreCalls.put(entries, appointment);
        store.transaction(PatientRules.writer(caller), entries, "The new slot was taken, or the appointment changed, just now: choose again",
                Reminders.withdrawn(id, "The appointment was moved"));
        return resource(200, store.read(caller, "Appointment/" + id));
    }
}
