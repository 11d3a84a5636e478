package org.joinedup.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.joinedup.access.AccessProperties;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.joinedup.fhir.PatientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Break-glass: grants a member of staff time-limited access to one patient's record for a stated reason,
 * records the grant in the audit, and queues it for information-governance review.
 */
@Service
class BreakGlassService {

    /** A grant as the review queue shows it. */
    record Grant(UUID id, String subject, String role, String organization, String patient, String reason, String text,
                 Instant grantedAt, Instant expiresAt, String review, String reviewedBy, Instant reviewedAt, String reviewNote) {
    }

    /** A request refused, with the message to show. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PatientDirectory patients;
    private final FhirAuditSink audit;
    private final AccessProperties properties;

    BreakGlassService(JdbcTemplate jdbc, TransactionTemplate transactions, PatientDirectory patients, FhirAuditSink audit,
                      AccessProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.patients = patients;
        this.audit = audit;
        this.properties = properties;
    }

    Grant breakGlass(StaffUser user, String patientReference, String reasonCode, String text) {
        if (user.role() == null || !RolePolicy.needsRelationship(user.role())) {
            throw new Refused(403, "Only clinicians, care workers and schedulers can break glass");
        }
        String patient = patientReference == null ? "" : patientReference.replaceFirst("^Patient/", "").trim();
        if (patient.isEmpty()) {
            throw new Refused(400, "Say which patient's record you need (patient=Patient/id)");
        }
        BreakGlassReason reason = BreakGlassReason.ofCode(reasonCode);
        if (reason == null) {
            throw new Refused(400, "Choose a reason: emergency-care, safeguarding, patient-asked or other");
        }
        String words = text == null ? null : text.strip();
        if (reason == BreakGlassReason.OTHER && (words == null || words.isEmpty())) {
            throw new Refused(400, "Say why you need this record");
        }
        if (!patients.exists(patient)) {
            throw new Refused(404, "There is no patient with id '" + patient + "'");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Grant grant = new Grant(UUID.randomUUID(), user.subject(), user.role().claim(), user.organization(), patient, reason.code(),
                words, now, now.plus(properties.breakGlassDuration()), "pending", null, null, null);
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO break_glass (id, subject, role, organization, patient_id, reason_code, reason_text, granted_at,"
                            + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", grant.id(), grant.subject(), grant.role(),
                    grant.organization(), patient, grant.reason(), words, Timestamp.from(now), Timestamp.from(grant.expiresAt()));
            // recorded before the grant commits: no grant without its audit entry
            audit.record(new FhirInteraction(new FhirAgent(user.subject(), "staff", grant.role(), grant.organization(),
                    user.clientId(), "ETREAT", Set.of(patient)), now, "POST", "/staff/api/break-glass (" + reason.code()
                    + (words == null ? "" : ": " + words) + ")", "break-glass", 201,
                    List.of(new FhirInteraction.Disclosed(0, "Patient", patient, List.of(patient))), null));
        });
        return grant;
    }

    List<Grant> reviews(String review) {
        return jdbc.query("SELECT * FROM break_glass WHERE review = ? ORDER BY granted_at", (rs, i) -> new Grant(
                rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("role"), rs.getString("organization"),
                rs.getString("patient_id"), rs.getString("reason_code"), rs.getString("reason_text"),
                rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), rs.getString("review"),
                rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                rs.getString("review_note")), review);
    }

    /** An auditor's verdict on a grant: accepted, or escalated for investigation. */
    void review(String reviewer, UUID id, String outcome, String note) {
        if (!Set.of("accepted", "escalated").contains(outcome)) {
            throw new Refused(400, "The outcome of a review is accepted or escalated");
        }
        int updated = jdbc.update("UPDATE break_glass SET review = ?, reviewed_by = ?, reviewed_at = now(), review_note = ?"
                + " WHERE id = ? AND review = 'pending'", outcome, reviewer, note, id);
        if (updated == 0) {
            throw new Refused(404, "There is no pending break-glass grant " + id);
        }
    }

    static Map<String, Object> summary(Grant grant) {
        return Map.of("id", grant.id().toString(), "patient", "Patient/" + grant.patient(), "reason", grant.reason(),
                "expires", grant.expiresAt().toString(), "review", grant.review());
    }
}
