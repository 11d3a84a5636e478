package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;

/**
 * {@code POST Appointment/{id}/$arrived}, {@code $fulfilled} and {@code $noshow}: staff record what happened.
 * Arrived and attended follow a booking (or arrival); did-not-attend only once the appointment has started, and
 * never after an arrival. Patients cannot mark their own. Answers the Appointment.
 */
class Attendance extends SchedulingOperation {

    private final StoreCalls store;
    private final String name;
    private final String status;
    private final Set<String> from;

    Attendance(StoreCalls store, String name, String status, Set<String> from) {
        this.store = store;
        this.name = name;
        this.status = status;
        this.from = from;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name);
        if (PatientRules.isPatient(caller)) {
            throw new Refusal(403, "forbidden", "Only staff record whether a patient came");
        }
        ObjectNode appointment = store.read(caller, "Appointment/" + instance(id));
        String now = appointment.path("status").asText();
        if (now.equals(status)) {
            return resource(200, appointment); // recorded already: saying it again changes nothing
        }
        if (!from.contains(now)) {
            throw new Refusal(409, "business-rule", "The appointment is " + now + ": it cannot be marked " + status);
        }
        if ("noshow".equals(status) && PatientRules.start(appointment).isAfter(Instant.now())) {
            throw new Refusal(409, "business-rule", "The appointment has not started yet: it cannot be marked as missed");
        }
        appointment.put("status", status);
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, appointment);
        store.transaction(caller, entries, "The appointment changed just now: look again");
        return resource(200, store.read(caller, "Appointment/" + id));
    }
}
