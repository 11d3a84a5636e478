package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;

/** An appointment that can still be changed: booked (or pending), not cancelled, attended or missed. */
final class Booked {

    private static final Set<String> CHANGEABLE = Set.of("proposed", "pending", "booked");

    private Booked() {
    }

    static ObjectNode read(StoreCalls store, FhirAccess caller, String id) {
        ObjectNode appointment = store.read(caller, "Appointment/" + SchedulingOperation.instance(id));
        String status = appointment.path("status").asText();
        if (!CHANGEABLE.contains(status)) {
            throw new Refusal(409, "business-rule", "The appointment is " + status + " and can no longer be changed");
        }
        return appointment;
    }
}
