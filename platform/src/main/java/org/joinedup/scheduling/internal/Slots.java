package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.joinedup.fhir.FhirAccess;

/** Rules every booking shares about the slot it goes into. */
final class Slots {

    private Slots() {
    }

    /** The slot (read as the caller; a patient may read any Slot), if it is free and has not started; otherwise a 409 saying why. */
    static ObjectNode free(StoreCalls store, FhirAccess caller, String reference) {
        if (!reference.startsWith("Slot/")) {
            throw new Refusal(400, "invalid", "'" + reference + "' is not a Slot");
        }
        ObjectNode slot = store.read(PatientRules.writer(caller), reference); // free slots are no one's personal data
        if (!"free".equals(slot.path("status").asText())) {
            throw new Refusal(409, "conflict", "The slot is not free (it is " + slot.path("status").asText() + "): choose another");
        }
        if (OffsetDateTime.parse(slot.path("start").asText()).toInstant().isBefore(Instant.now())) {
            throw new Refusal(409, "business-rule", "The slot has already started: choose a later one");
        }
        return slot;
    }
}
