package org.joinedup.notify.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: every message and each change of its status, with what happened recorded beside it. Messages are
 * taken for sending with {@code FOR UPDATE SKIP LOCKED}, so workers on several nodes never take the same one.
 */
@Component
class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowMapper<OutboxMessage> ROW = Outbox::row;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Outbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A new message (queued, or withheld with its reason); false if one with its reference exists already. */
    boolean add(NewMessage message) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            int added = jdbc.update("""
                    INSERT INTO message (id, reference, patient_id, kind, channel, recipient, subject, body, personalisation, status,
                                         status_reason, not_before, expires_at, created_at, updated_at, addressee, urgent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, now(), now(), ?, ?) ON CONFLICT (reference) DO NOTHING""",
                    id, message.reference(), message.patientId(), message.kind(), message.channel(), message.recipient(), message.subject(),
                    message.body(), json(message.personalisation()), message.status(), message.statusReason(), ts(message.notBefore()),
                    ts(message.expiresAt()), message.addressee(), message.urgent());
            if (added == 1) {
                event(id, message.status(), message.statusReason(), "outbox");
            }
            return added == 1;
        }));
    }

    boolean exists(String reference) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM message WHERE reference = ?)", Boolean.class, reference));
    }

    /** Up to {@code limit} messages due now, marked as being sent (by this worker, from now). */
    List<OutboxMessage> claimDue(int limit) {
        return jdbc.query("""
                UPDATE message SET status = 'sending', claimed_at = now(), updated_at = now()
                WHERE id IN (SELECT id FROM message WHERE status = 'queued' AND not_before <= now() ORDER BY not_before LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""", ROW, limit);
    }

    /** Messages whose sending began longer ago than {@code timeout} (their worker stopped): queued again, counted as an attempt, so the next attempt first asks the provider whether it was sent. */
    int recover(Duration timeout) {
        return transactions.execute(status -> {
            List<UUID> ids = jdbc.queryForList("""
                    UPDATE message SET status = 'queued', attempts = attempts + 1, not_before = now(), updated_at = now()
                    WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => ?) RETURNING id""", UUID.class, timeout.toMillis() / 1000.0);
            ids.forEach(id -> event(id, "queued", "Its sending was interrupted; it will be checked with the provider before it is sent again", "outbox"));
            return ids.size();
        });
    }

    void sent(UUID id, String provider, String providerId, boolean delivered, String detail) {
        change(id, delivered ? "delivered" : "sent", detail, "outbox",
                "provider = ?, provider_id = ?, sent_at = now()" + (delivered ? ", completed_at = now()" : ""), provider, providerId);
    }

    void retryLater(UUID id, int attempts, Instant when, String error) {
        change(id, "queued", error, "outbox", "attempts = ?, not_before = ?", attempts, ts(when));
    }

    /** Back in the queue without counting an attempt (quiet hours began while it waited). */
    void postpone(UUID id, Instant when, String why) {
        change(id, "queued", why, "outbox", "not_before = ?", ts(when));
    }

    void failed(UUID id, int attempts, String reason) {
        change(id, "failed", reason, "outbox", "attempts = ?, completed_at = now()", attempts);
    }

    void cancelled(UUID id, String reason, String actor) {
        change(id, "cancelled", reason, actor, "completed_at = now()");
    }

    /** An operator sends a failed message again (checked with the provider first, as after any failure). */
    boolean retryNow(UUID id, String actor) {
        return transactions.execute(status -> {
            int changed = jdbc.update("UPDATE message SET status = 'queued', not_before = now(), updated_at = now(), completed_at = NULL "
                    + "WHERE id = ? AND status = 'failed'", id);
            if (changed == 1) {
                event(id, "queued", "Sent again by an operator", actor);
            }
            return changed == 1;
        });
    }

    boolean cancelIfWaiting(UUID id, String reason, String actor) {
        return transactions.execute(status -> {
            int changed = jdbc.update("UPDATE message SET status = 'cancelled', status_reason = ?, updated_at = now(), completed_at = now() "
                    + "WHERE id = ? AND status IN ('queued', 'failed')", reason, id);
            if (changed == 1) {
                event(id, "cancelled", reason, actor);
            }
            return changed == 1;
        });
    }

    /** Cancels the messages not yet being sent whose reference begins with the prefix. */
    int withdraw(String prefix, String reason) {
        return transactions.execute(status -> {
            List<UUID> ids = jdbc.queryForList("""
                    UPDATE message SET status = 'cancelled', status_reason = ?, updated_at = now(), completed_at = now()
                    WHERE reference LIKE ? AND status = 'queued' RETURNING id""", UUID.class, reason, likePrefix(prefix));
            ids.forEach(id -> event(id, "cancelled", reason, "outbox"));
            return ids.size();
        });
    }

    /** A provider's delivery receipt: delivered, or failed with the provider's reason. False if no message has the id. */
    boolean receipt(String provider, String providerId, boolean delivered, String detail) {
        return transactions.execute(status -> {
            List<UUID> ids = jdbc.queryForList("""
                    UPDATE message SET status = ?, status_reason = ?, updated_at = now(), completed_at = now()
                    WHERE provider = ? AND provider_id = ? AND status IN ('sent', 'delivered', 'failed') RETURNING id""",
                    UUID.class, delivered ? "delivered" : "failed", detail, provider, providerId);
            ids.forEach(id -> event(id, delivered ? "delivered" : "failed", detail, provider));
            return !ids.isEmpty();
        });
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.query("SELECT * FROM message WHERE id = ?", ROW, id).stream().findFirst();
    }

    List<OutboxMessage> latest(String status, int limit) {
        return status == null
                ? jdbc.query("SELECT * FROM message ORDER BY created_at DESC LIMIT ?", ROW, limit)
                : jdbc.query("SELECT * FROM message WHERE status = ? ORDER BY updated_at DESC LIMIT ?", ROW, status, limit);
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) FROM message GROUP BY status ORDER BY status", (ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getInt(2));
        });
        return counts;
    }

    Map<String, String> statusesByPrefix(String prefix) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.query("SELECT reference, status FROM message WHERE reference LIKE ?", (ResultSet rs) -> {
            statuses.put(rs.getString(1), rs.getString(2));
        }, likePrefix(prefix));
        return statuses;
    }

    /** What a patient has been sent (not what was withheld or cancelled), newest first. */
    List<org.joinedup.notify.MessageStatuses.Sent> toPatient(String patientId, int limit) {
        return jdbc.query("""
                SELECT created_at, channel, subject, body, status FROM message
                WHERE patient_id = ? AND status NOT IN ('withheld', 'cancelled') ORDER BY created_at DESC LIMIT ?""",
                (rs, n) -> new org.joinedup.notify.MessageStatuses.Sent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), patientId, limit);
    }

    List<String> history(UUID id) {
        return jdbc.query("SELECT at, status, detail, actor FROM message_event WHERE message_id = ? ORDER BY at",
                (rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2) + " (" + rs.getString(4) + ")"
                        + (rs.getString(3) == null ? "" : ": " + rs.getString(3)), id);
    }

    private void change(UUID id, String status, String reason, String actor, String set, Object... values) {
        transactions.executeWithoutResult(tx -> {
            Object[] arguments = new Object[values.length + 3];
            arguments[0] = status;
            arguments[1] = reason;
            System.arraycopy(values, 0, arguments, 2, values.length);
            arguments[arguments.length - 1] = id;
            jdbc.update("UPDATE message SET status = ?, status_reason = ?, updated_at = now(), claimed_at = NULL, " + set + " WHERE id = ?", arguments);
            event(id, status, reason, actor);
        });
    }

    private void event(UUID id, String status, String detail, String actor) {
        jdbc.update("INSERT INTO message_event (message_id, at, status, detail, actor) VALUES (?, clock_timestamp(), ?, ?, ?)", id, status, detail, actor);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        Map<String, String> personalisation;
        try {
            personalisation = JSON.readValue(rs.getString("personalisation"), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("patient_id"), rs.getString("kind"),
                rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), personalisation,
                rs.getString("status"), rs.getString("status_reason"), rs.getInt("attempts"), instant(rs, "not_before"),
                instant(rs, "expires_at"), rs.getString("provider"), rs.getString("provider_id"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("addressee"), rs.getBoolean("urgent"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A message to add: to a patient, or (with no patient) to a member of staff by name, urgent ones sent whatever the quiet hours. */
    record NewMessage(String reference, String patientId, String kind, String channel, String recipient, String subject, String body,
                      Map<String, String> personalisation, String status, String statusReason, Instant notBefore, Instant expiresAt,
                      String addressee, boolean urgent) {

        NewMessage(String reference, String patientId, String kind, String channel, String recipient, String subject, String body,
                   Map<String, String> personalisation, String status, String statusReason, Instant notBefore, Instant expiresAt) {
            this(reference, patientId, kind, channel, recipient, subject, body, personalisation, status, statusReason, notBefore, expiresAt, null, false);
        }
    }
}
