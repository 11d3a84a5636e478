package org.joinedup.alerts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joinedup.alerts.AlertKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Alerts and what each did, in the database. Each change is a conditional update (acknowledging an alert already
 * acknowledged changes nothing), so two carers pressing at once, or a repeated request, record it once.
 */
@Component
class AlertStore {

    /** One line of an alert's history. */
    record Happened(Instant at, String what, String actor, String detail) {
    }

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new alert; false if one for its source key exists already. */
    boolean insert(Alert a) {
        return jdbc.update("""
                INSERT INTO alert (id, source_key, event_type, kind, severity, title, detail, organisation, place, patient_id, patient_name, subject, occurred_at,
                                   received_at, raised_at, status, level, routed_to, roles, people, escalate_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?::text[], ?::text[], ?) ON CONFLICT (source_key) DO NOTHING""",
                a.id(), a.sourceKey(), a.eventType(), a.kind().code(), a.severity(), a.title(), a.detail(), a.organisation(), a.place(), a.patientId(), a.patientName(),
                a.subject(), ts(a.occurredAt()), ts(a.receivedAt()), ts(a.raisedAt()), a.routedTo(), text(a.roles()), text(a.people()),
                ts(a.escalateAt())) == 1;
    }

    Optional<Alert> find(UUID id) {
        return jdbc.query("SELECT * FROM alert WHERE id = ?", AlertStore::row, id).stream().findFirst();
    }

    /** Open alerts a member of staff sees, most severe and oldest first. */
    List<Alert> openFor(String username, String role, String organisation) {
        return jdbc.query("""
                SELECT * FROM alert WHERE status <> 'closed' AND ((organisation = ? AND ? = ANY (roles)) OR ? = ANY (people))
                ORDER BY CASE severity WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, raised_at LIMIT 200""",
                AlertStore::row, organisation, role, username);
    }

    /** Alerts closed lately that a member of staff saw, newest first. */
    List<Alert> closedFor(String username, String role, String organisation, int limit) {
        return jdbc.query("""
                SELECT * FROM alert WHERE status = 'closed' AND ((organisation = ? AND ? = ANY (roles)) OR ? = ANY (people))
                ORDER BY closed_at DESC LIMIT ?""", AlertStore::row, organisation, role, username, limit);
    }

    /** Open alerts whose time to be acknowledged has passed, locked for this escalation round. */
    List<Alert> dueForEscalation(int limit) {
        return jdbc.query("SELECT * FROM alert WHERE status = 'open' AND escalate_at <= now() ORDER BY escalate_at LIMIT ? FOR UPDATE SKIP LOCKED",
                AlertStore::row, limit);
    }

    void escalated(UUID id, int level, String routedTo, List<String> roles, List<String> people, Instant escalateAt) {
        jdbc.update("UPDATE alert SET level = ?, routed_to = ?, roles = ?::text[], people = ?::text[], escalate_at = ? WHERE id = ?",
                level, routedTo, text(roles), text(people), ts(escalateAt), id);
    }

    boolean acknowledge(UUID id, String who) {
        return jdbc.update("UPDATE alert SET status = 'acknowledged', acknowledged_at = clock_timestamp(), acknowledged_by = ?, escalate_at = NULL "
                + "WHERE id = ? AND status = 'open'", who, id) == 1;
    }

    /** Someone is with the person (acknowledging it too, if no one had). */
    boolean attend(UUID id, String who) {
        return jdbc.update("""
                UPDATE alert SET status = 'attended', attended_at = clock_timestamp(), attended_by = ?, escalate_at = NULL,
                       acknowledged_at = coalesce(acknowledged_at, clock_timestamp()), acknowledged_by = coalesce(acknowledged_by, ?)
                WHERE id = ? AND status IN ('open', 'acknowledged')""", who, who, id) == 1;
    }

    boolean close(UUID id, String who, String outcome, String note) {
        return jdbc.update("""
                UPDATE alert SET status = 'closed', closed_at = clock_timestamp(), closed_by = ?, outcome = ?, outcome_note = ?, escalate_at = NULL,
                       acknowledged_at = coalesce(acknowledged_at, clock_timestamp()), acknowledged_by = coalesce(acknowledged_by, ?)
                WHERE id = ? AND status <> 'closed'""", who, outcome, note, who, id) == 1;
    }

    void recordEntry(UUID id, String reference) {
        jdbc.update("UPDATE alert SET record_entry = ? WHERE id = ?", reference, id);
    }

    void happened(UUID id, String what, String actor, String detail) {
        jdbc.update("INSERT INTO alert_event (alert_id, at, what, actor, detail) VALUES (?, clock_timestamp(), ?, ?, ?)", id, what, actor, detail);
    }

    List<Happened> history(UUID id) {
        return jdbc.query("SELECT at, what, actor, detail FROM alert_event WHERE alert_id = ? ORDER BY at",
                (rs, n) -> new Happened(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)), id);
    }

    static Alert row(ResultSet rs, int n) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("source_key"), rs.getString("event_type"), AlertKind.ofCode(rs.getString("kind")), rs.getString("severity"),
                rs.getString("title"), rs.getString("detail"), rs.getString("organisation"), rs.getString("place"), rs.getString("patient_id"),
                rs.getString("patient_name"), rs.getString("subject"), instant(rs, "occurred_at"), instant(rs, "received_at"), instant(rs, "raised_at"),
                rs.getString("status"), rs.getInt("level"), rs.getString("routed_to"), list(rs.getArray("roles")), list(rs.getArray("people")),
                instant(rs, "escalate_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "attended_at"),
                rs.getString("attended_by"), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("outcome"), rs.getString("outcome_note"),
                rs.getString("record_entry"));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A text[] literal: {"a","b"} with quotes and backslashes escaped. */
    static String text(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String value : values) {
            out.append(out.length() > 1 ? "," : "").append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
