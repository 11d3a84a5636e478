package org.joinedup.notify.internal;

import java.util.List;
import java.util.Map;
import org.joinedup.notify.MessageStatuses;
import org.springframework.stereotype.Component;

/** The outbox's answers to other modules: statuses for reports, and what a patient has been sent. */
@Component
class MessageQueries implements MessageStatuses {

    private final Outbox outbox;

    MessageQueries(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Map<String, String> byReferencePrefix(String referencePrefix) {
        return outbox.statusesByPrefix(referencePrefix);
    }

    @Override
    public List<Sent> toPatient(String patientId, int limit) {
        return outbox.toPatient(patientId, limit);
    }
}
