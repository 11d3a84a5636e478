package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code POST Appointment/{id}/$cancel} with a {@code reason}: the Appointment is cancelled with its reason and
 * its slots freed for others, in one transaction (nothing changes if either changed meanwhile). Answers the
 * cancelled Appointment. Reminders not yet sent are withdrawn; a patient cannot cancel within the cut-off.
 */
@Component
class CancelAppointment extends SchedulingOperation {

    private final StoreCalls store;
    private final PatientRules rules;

    CancelAppointment(StoreCalls store, PatientRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        String reason = input.required("reason");
        ObjectNode appointment = Booked.read(store, caller, id);
        rules.mayChange(caller, appointment, false);
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        appointment.put("status", "cancelled").putObject("cancelationReason").put("text", reason);
        StoreCalls.put(entries, appointment);
        for (JsonNode slot : appointment.path("slot")) {
            StoreCalls.put(entries, store.read(PatientRules.writer(caller), slot.path("reference").asText()).put("status", "free"));
        }
        store.transaction(PatientRules.writer(caller), entries, "The appointment or its slot changed just now: look again before cancelling",
                Reminders.withdrawn(id, "The appointment was cancelled"));
        return resource(200, store.read(caller, "Appointment/" + id));
    }
}
