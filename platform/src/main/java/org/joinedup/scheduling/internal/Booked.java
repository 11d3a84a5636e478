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
        ObjectNode appointment = store.read(caller, "Appointment/" + id(id));
        String status = appointment.path("status").asText();
        if (!CHANGEABLE.contains(status)) {
            throw new Refusal(409, "business-rule", "The appointment is " + status + " and can no longer be changed");
        }
        return appointment;
    }

    /** The instance an instance-level operation names (400 when called at type level). */
    static String id(String id) {
        if (id == null) {
            throw new Refusal(400, "invalid", "Name the resource: [type]/{id}/$...");
        }
        return id;
    }
}
