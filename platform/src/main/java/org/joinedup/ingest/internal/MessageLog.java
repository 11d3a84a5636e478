package org.joinedup.ingest.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The kept messages ({@code hl7_message}): written before anything else is done with a message, so nothing is lost. */
@Component
class MessageLog {

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    MessageLog(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    /** Keeps a message as it arrived, with what its header says (committed, durably, before anything else happens to it). */
    long keep(String channel, String raw, Long replayOf, String[] msh, String contentHash) {
        return jdbc.queryForObject("INSERT INTO hl7_message (channel, raw, status, replay_of, sending_application, sending_facility, control_id,"
                + " message_type, content_hash) VALUES (?, ?, 'received', ?, ?, ?, ?, ?, ?) RETURNING id", Long.class, channel, raw, replayOf,
                component(msh[3]), component(msh[4]), msh[10], msh[9], contentHash);
    }

    private static String component(String field) {
        return field == null ? null : field.split("\\^", -1)[0];
    }

    /** Messages kept but never given an outcome (the platform stopped while processing them), oldest first. */
    List<KeptMessage> unprocessed(java.time.Instant before, int limit) {
        return jdbc.query("SELECT * FROM hl7_message WHERE status = 'received' AND received < ? ORDER BY id LIMIT ?", (rs, i) -> kept(rs),
                java.sql.Timestamp.from(before), limit);
    }

    /** The acknowledgement given when this sender's message with this control id and content was accepted, if it was. */
    Optional<String> acceptedAck(String application, String facility, String controlId, String contentHash) {
        return jdbc.queryForList("SELECT ack FROM hl7_message WHERE sending_application IS NOT DISTINCT FROM ? AND sending_facility IS NOT DISTINCT FROM ?"
                + " AND control_id = ? AND content_hash = ? AND status = 'accepted'", String.class, application, facility, controlId, contentHash)
                .stream().findFirst();
    }

    /**
     * Records what became of a message. Not waited for on disk (the records it wrote are committed durably by the
     * store): after a crash the outcome may be missing, and the message is then processed again on start-up, which
     * changes nothing that was already written.
     */
    void outcome(long id, String status, String reason, String ack) {
        try {
            record(id, status, reason, ack);
        } catch (org.springframework.dao.DuplicateKeyException sameMessageAtOnce) {
            // the same message arrived twice at once and the other copy was accepted first
            record(id, "duplicate", "The same message was accepted from another connection at the same moment; nothing changed", ack);
        }
    }

    private void record(long id, String status, String reason, String ack) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            jdbc.update("UPDATE hl7_message SET status = ?, reason = ?, ack = ? WHERE id = ?", status, reason, ack, id);
            if (status.equals("accepted")) {
                jdbc.update("UPDATE hl7_message o SET resolved_by = ? FROM hl7_message n WHERE n.id = ? AND o.id = n.replay_of", id, id);
            }
        });
    }

    Optional<KeptMessage> find(long id) {
        return jdbc.query("SELECT * FROM hl7_message WHERE id = ?", (rs, i) -> kept(rs), id).stream().findFirst();
    }

    /** The dead-letter list: rejected messages not yet replayed successfully, oldest first. */
    List<KeptMessage> deadLetters(int limit) {
        return jdbc.query("SELECT * FROM hl7_message WHERE status = 'rejected' AND resolved_by IS NULL ORDER BY id LIMIT ?", (rs, i) -> kept(rs), limit);
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT status, count(*) FROM hl7_message GROUP BY status", rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
        });
        return counts;
    }

    private static KeptMessage kept(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long replay = rs.getObject("replay_of", Long.class);
        return new KeptMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("sending_application"), rs.getString("sending_facility"),
                rs.getString("control_id"), rs.getString("message_type"), rs.getString("raw"), rs.getString("status"), rs.getString("reason"),
                rs.getTimestamp("received").toInstant().toString(), replay);
    }
}
