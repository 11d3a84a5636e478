package org.joinedup.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.joinedup.alerts.AlertKind;

/** An alert as stored: what, where, for whom, who it is with, and how far it has got. */
record Alert(UUID id, String sourceKey, String eventType, AlertKind kind, String severity, String title, String detail, String organisation, String place,
             String patientId, String patientName, String subject, Instant occurredAt, Instant receivedAt, Instant raisedAt, String status,
             int level, String routedTo, List<String> roles, List<String> people, Instant escalateAt, Instant acknowledgedAt,
             String acknowledgedBy, Instant attendedAt, String attendedBy, Instant closedAt, String closedBy, String outcome, String outcomeNote,
             String recordEntry) {

    boolean open() {
        return !"closed".equals(status);
    }

    /** Whether a member of staff sees it: one of its roles at its organisation, or named by a rule. */
    boolean shownTo(String username, String role, String organisation) {
        return people.contains(username) || (this.organisation.equals(organisation) && roles.contains(role));
    }

    /** From its arrival to its acknowledgement, if acknowledged. */
    Duration toAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(receivedAt, acknowledgedAt);
    }

    /** From its arrival to someone being with the person, if attended. */
    Duration toAttend() {
        return attendedAt == null ? null : Duration.between(receivedAt, attendedAt);
    }
}
