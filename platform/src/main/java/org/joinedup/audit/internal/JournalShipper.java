package org.joinedup.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies journalled audit entries to the database in large batches, in order, on a thread of its own; makes
 * the journal durable first, and releases journal segments once their entries are in the database. When the
 * database refuses, the batch is kept and tried again: nothing journalled is dropped.
 */
final class JournalShipper {

    private static final Logger log = LoggerFactory.getLogger(JournalShipper.class);
    private static final int MAX_BATCH = 2000;

    private final DataSource dataSource;
    private final AuditJournal journal;
    private final LinkedBlockingQueue<AuditJournal.Chained> queue = new LinkedBlockingQueue<>();
    private final List<AuditJournal.Chained> pending = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long shipped;

    JournalShipper(DataSource dataSource, AuditJournal journal, List<AuditJournal.Chained> unshipped, long shippedSeq) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.shipped = shippedSeq;
        this.queue.addAll(unshipped);
        this.thread = Thread.ofPlatform().name("audit-shipper").daemon().start(this::run);
    }

    void enqueue(AuditJournal.Chained entry) {
        queue.add(entry);
    }

    /** Entries journalled but not yet in the database. */
    long backlog() {
        return queue.size() + pending.size();
    }

    /** The highest sequence number in the database. */
    long shipped() {
        return shipped;
    }

    private void run() {
        while (running || !queue.isEmpty() || !pending.isEmpty()) {
            try {
                if (pending.isEmpty()) {
                    AuditJournal.Chained first = queue.poll(20, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    pending.add(first);
                    queue.drainTo(pending, MAX_BATCH - 1);
                }
                journal.force();
                insert(pending);
                shipped = pending.getLast().entry().seq();
                pending.clear();
                journal.release(shipped);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.error("Copying {} audit entries to the database failed; they stay in the journal and are tried again", pending.size(), e);
                sleep();
            }
        }
    }

    private void insert(List<AuditJournal.Chained> entries) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (seq, recorded, agent, agent_kind,"
                    + " agent_role, organization, client_id, action, outcome, break_glass, patients, content, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditJournal.Chained chained : entries) {
                    bind(insert, connection, chained);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void bind(PreparedStatement insert, Connection connection, AuditJournal.Chained chained) throws SQLException {
        AuditEntry entry = chained.entry();
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
        insert.setString(13, chained.previousHash());
        insert.setString(14, chained.hash());
    }

    private void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop(long waitMillis) throws InterruptedException {
        running = false;
        thread.join(waitMillis);
    }
}
