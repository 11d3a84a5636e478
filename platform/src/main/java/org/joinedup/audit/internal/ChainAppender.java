package org.joinedup.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * Appends entries to the audit's hash chain, on a connection of its own. The chain's head (sequence number
 * and hash) is kept in memory; if another node appended meanwhile, the insert collides on the sequence
 * number, and the head is read again and the batch chained after it.
 * <p>
 * The connection commits without waiting for the disk flush ({@code synchronous_commit = off}, for this
 * connection only): an entry is committed, visible and safe from a crash of this process before the data it
 * records is released, and reaches the disk with the WAL writer's next flush (every 10 ms on the embedded
 * server). Waiting for a flush per group cost most of the read throughput on the benchmark machine
 * (docs/benchmarks.md); the remaining exposure, a power failure in those milliseconds, is hazard H-010.
 */
final class ChainAppender {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private Connection connection;
    private long seq = -1;
    private String hash;

    ChainAppender(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void append(List<AuditWriter.Draft> drafts) throws SQLException {
        try {
            open();
            for (int attempt = 0; ; attempt++) {
                if (seq < 0) {
                    readHead();
                }
                try {
                    insert(drafts);
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    seq = -1;
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt > 2) {
                        throw e;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void insert(List<AuditWriter.Draft> drafts) throws SQLException {
        long next = seq;
        String previous = hash;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (seq, recorded, agent, agent_kind,"
                + " agent_role, organization, client_id, action, outcome, break_glass, patients, content, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditWriter.Draft draft : drafts) {
                AuditEntry entry = entry(++next, draft);
                String link = HashChain.link(previous, entry);
                bind(insert, entry, previous, link);
                insert.addBatch();
                previous = link;
            }
            insert.executeBatch();
        }
        connection.commit();
        seq = next;
        hash = previous;
    }

    private static AuditEntry entry(long seq, AuditWriter.Draft draft) {
        var agent = draft.interaction().agent();
        return new AuditEntry(seq, draft.recorded(), agent.who(), agent.kind(), agent.role(), agent.organization(), agent.clientId(),
                draft.interaction().interaction(), Integer.toString(draft.interaction().status()), draft.breakGlass(), draft.patients(),
                draft.content());
    }

    private void bind(PreparedStatement insert, AuditEntry entry, String previous, String link) throws SQLException {
        insert.setLong(1, entry.seq());
        insert.setTimestamp(2, Timestamp.from(entry.recorded()));
        insert.setString(3, entry.agent());
        insert.setString(4, entry.agentKind());
        insert.setString(5, entry.agentRole());
        insert.setString(6, entry.organization());
        insert.setString(7, entry.clientId());
        insert.setString(8, entry.action());
        insert.setString(9, entry.outcome());
        insert.setBoolean(10, entry.breakGlass());
        insert.setArray(11, connection.createArrayOf("text", entry.patients().toArray()));
        insert.setString(12, entry.content());
        insert.setString(13, previous);
        insert.setString(14, link);
    }

    private void readHead() throws SQLException {
        seq = 0;
        hash = HashChain.GENESIS;
        try (Statement head = connection.createStatement();
             ResultSet rs = head.executeQuery("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
        }
        connection.commit();
    }

    private void open() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return;
        }
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET synchronous_commit = off");
        }
        connection.commit();
        seq = -1;
    }

    void close() {
        if (connection != null) {
            try {
                // the pooled connection goes back to others: they commit with a flush wait again
                connection.rollback();
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET synchronous_commit");
                }
                connection.commit();
            } catch (SQLException ignored) {
                // a broken connection is dropped by the pool
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being given up anyway
            }
        }
        connection = null;
        seq = -1;
    }
}
