package org.joinedup.analytics.internal.export;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The bulk exports asked for (table {@code bulk_export}), their state and their files ({@code bulk_export_file}). */
@Component
class ExportJobs {

    /** One export as its status answer needs it. */
    record Job(UUID id, String requestedBy, String clientId, String request, Instant transactionTime, String status, String progress,
               String error, Instant expires) {

        boolean belongsTo(String who, String client) {
            return requestedBy.equals(who) && java.util.Objects.equals(clientId, client);
        }
    }

    /** One NDJSON file written. */
    record File(int seq, String type, boolean error, long resources, String name) {
    }

    private final JdbcTemplate jdbc;

    ExportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String who, String clientId, String request, Instant transactionTime) {
        jdbc.update("INSERT INTO bulk_export (id, requested_by, client_id, request, transaction_time, status) VALUES (?, ?, ?, ?, ?, 'accepted')",
                id, who, clientId, request, Timestamp.from(transactionTime));
    }

    Optional<Job> find(UUID id) {
        return jdbc.query("SELECT id, requested_by, client_id, request, transaction_time, status, progress, error, expires FROM bulk_export WHERE id = ?",
                (row, n) -> new Job(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getString(6), row.getString(7), row.getString(8),
                        row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant()), id).stream().findFirst();
    }

    List<File> files(UUID id) {
        return jdbc.query("SELECT seq, type, error, resources, name FROM bulk_export_file WHERE export_id = ? ORDER BY seq",
                (row, n) -> new File(row.getInt(1), row.getString(2), row.getBoolean(3), row.getLong(4), row.getString(5)), id);
    }

    void addFile(UUID id, File file) {
        jdbc.update("INSERT INTO bulk_export_file (export_id, seq, type, error, resources, name) VALUES (?, ?, ?, ?, ?, ?)",
                id, file.seq(), file.type(), file.error(), file.resources(), file.name());
    }

    /** Marks it running, unless it was cancelled meanwhile; false then. */
    boolean start(UUID id) {
        return jdbc.update("UPDATE bulk_export SET status = 'running' WHERE id = ? AND status = 'accepted'", id) == 1;
    }

    void progress(UUID id, String progress) {
        jdbc.update("UPDATE bulk_export SET progress = ? WHERE id = ? AND status = 'running'", progress, id);
    }

    void complete(UUID id, Instant expires) {
        jdbc.update("UPDATE bulk_export SET status = 'complete', progress = null, finished = now(), expires = ? WHERE id = ? AND status = 'running'",
                Timestamp.from(expires), id);
    }

    void fail(UUID id, String error, Instant expires) {
        jdbc.update("UPDATE bulk_export SET status = 'failed', error = ?, finished = now(), expires = ? WHERE id = ? AND status IN ('accepted', 'running')",
                error, Timestamp.from(expires), id);
    }

    /** The requester's DELETE: false if it had already ended otherwise (expired, cancelled). */
    boolean cancel(UUID id) {
        return jdbc.update("UPDATE bulk_export SET status = 'cancelled', finished = coalesce(finished, now()), expires = now()"
                + " WHERE id = ? AND status IN ('accepted', 'running', 'complete', 'failed')", id) == 1;
    }

    boolean cancelled(UUID id) {
        return jdbc.queryForObject("SELECT status IN ('cancelled', 'expired') FROM bulk_export WHERE id = ?", Boolean.class, id);
    }

    /** This node still holds these exports (waiting or running). */
    void heartbeat(java.util.Collection<UUID> held) {
        if (!held.isEmpty()) {
            jdbc.update("UPDATE bulk_export SET heartbeat = now() WHERE id = ANY (?)", (Object) held.toArray(UUID[]::new));
        }
    }

    /**
     * Exports whose node stopped (no heartbeat since {@code before}): they cannot go on without their requester's
     * authorisation, which went with the node, so they fail, saying so.
     */
    int failLost(Instant before, Instant expires) {
        return jdbc.update("UPDATE bulk_export SET status = 'failed', error = 'The export was interrupted by a restart of the platform: kick it off again',"
                + " finished = now(), expires = ? WHERE status IN ('accepted', 'running') AND heartbeat < ?", Timestamp.from(expires), Timestamp.from(before));
    }

    /** Ended exports whose files are past keeping (and cancelled ones), marked expired; their ids, for the files to go. */
    List<UUID> expire(Instant now) {
        return jdbc.queryForList("UPDATE bulk_export SET status = 'expired' WHERE (status IN ('complete', 'failed') AND expires < ?)"
                + " OR status = 'cancelled' RETURNING id", UUID.class, Timestamp.from(now));
    }
}
