package org.joinedup.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What became of messages: for reports, and for patients to see what they have been sent. */
public interface MessageStatuses {

    /** Each message's reference and status (queued, sending, sent, delivered, failed, withheld, cancelled). */
    Map<String, String> byReferencePrefix(String referencePrefix);

    /** A message as its patient may see it. */
    record Sent(Instant at, String channel, String subject, String text, String status) {
    }

    /** The messages that went (or are going) to a patient, newest first; withheld and cancelled ones are not shown. */
    List<Sent> toPatient(String patientId, int limit);

    /** Whether the patient has asked not to be sent messages of this kind (or any). */
    boolean optedOut(String patientId, MessageKind kind);
}
