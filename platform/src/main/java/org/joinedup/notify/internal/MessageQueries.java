package org.joinedup.notify.internal;

import java.util.List;
import java.util.Map;
import org.joinedup.notify.MessageStatuses;
import org.springframework.stereotype.Component;

/** The outbox's answers to other modules: statuses for reports, and what a patient has been sent. */
@Component
class MessageQueries implements MessageStatuses {

    private final Outbox outbox;
    private final OptOuts optOuts;

    MessageQueries(Outbox outbox, OptOuts optOuts) {
        this.outbox = outbox;
        this.optOuts = optOuts;
    }

    @Override
    public boolean optedOut(String patientId, org.joinedup.notify.MessageKind kind) {
        return optOuts.optedOut(patientId, kind.code());
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
