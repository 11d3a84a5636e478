package org.joinedup.notify.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A message in the outbox, as the operators' page and the sender see it. */
public record OutboxMessage(UUID id, String reference, String patientId, String kind, String channel, String recipient, String subject,
                            String body, Map<String, String> personalisation, String status, String statusReason, int attempts,
                            Instant notBefore, Instant expiresAt, String provider, String providerId, Instant createdAt, Instant updatedAt,
                            String addressee, boolean urgent) {

    /** Who it is to, for pages: the patient's record, or the member of staff by name. */
    public String to() {
        return patientId != null ? "Patient/" + patientId : addressee;
    }

    /** The recipient with all but the last three characters hidden, for pages. */
    public String maskedRecipient() {
        if (recipient == null) {
            return "";
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        return "*".repeat(Math.max(0, recipient.length() - 3)) + recipient.substring(Math.max(0, recipient.length() - 3));
    }
}
