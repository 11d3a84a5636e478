package org.joinedup.audit.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records interactions in the audit with group commit: callers queue their entry and wait; one writer
 * thread takes whatever is queued, chains each entry's hash to the one before, and inserts the lot in one
 * transaction. Each caller returns only once its entry is committed, and fails if it was not.
 */
@Component
class AuditWriter implements FhirAuditSink, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 1000;
    private static final long WAIT_SECONDS = 10;
    /** Serialises writers of the chain across every node sharing the database. */
    private static final long CHAIN_LOCK = 0x6a75_6175_6469_7400L;

    private record Pending(FhirInteraction interaction, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    AuditWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
    }

    @Override
    public void record(FhirInteraction interaction) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            throw new IllegalStateException("The audit writer has stopped");
        }
        queue.add(new Pending(interaction, done));
        try {
            done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit entry could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit entry was not written within " + WAIT_SECONDS + " s", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.error("Writing {} audit entries failed; their accesses are refused", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CHAIN_LOCK);
                    lock.execute();
                }
                long seq = 0;
                String hash = HashChain.GENESIS;
                try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1");
                     ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        hash = rs.getString(2);
                    }
                }
                Map<Long, List<String>> patients = patientsOf(connection, batch);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (seq, recorded, agent, agent_kind, agent_role,"
                        + " organization, client_id, action, outcome, break_glass, patients, content, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Pending pending : batch) {
                        AuditEntry entry = entry(++seq, now, pending.interaction(), patients);
                        String next = HashChain.link(hash, entry);
                        bind(insert, connection, entry, hash, next);
                        insert.addBatch();
                        hash = next;
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static AuditEntry entry(long seq, Instant now, FhirInteraction interaction, Map<Long, List<String>> patientsByKey) {
        Set<String> patients = new LinkedHashSet<>();
        for (FhirInteraction.Disclosed resource : interaction.disclosed()) {
            patients.addAll(resource.patients() != null ? resource.patients() : patientsByKey.getOrDefault(resource.key(), List.of()));
            if (resource.type().equals("Patient")) {
                patients.add(resource.id());
            }
        }
        List<String> patientList = List.copyOf(patients);
        boolean breakGlass = patientList.stream().anyMatch(interaction.agent().breakGlassPatients()::contains);
        return new AuditEntry(seq, now, interaction.agent().who(), interaction.agent().kind(), interaction.agent().role(),
                interaction.agent().organization(), interaction.agent().clientId(),
                interaction.interaction(), Integer.toString(interaction.status()), breakGlass,
                patientList, BalpEvents.of(interaction, now, patientList, breakGlass));
    }

    private static void bind(PreparedStatement insert, Connection connection, AuditEntry entry, String previous, String hash)
            throws SQLException {
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
        insert.setString(14, hash);
    }

    /** The patients whose compartments hold the disclosed resources, by store key, in one query for the batch. */
    private static Map<Long, List<String>> patientsOf(Connection connection, List<Pending> batch) throws SQLException {
        Set<Long> keys = new LinkedHashSet<>();
        batch.forEach(p -> p.interaction().disclosed().stream().filter(d -> d.patients() == null).forEach(d -> keys.add(d.key())));
        Map<Long, List<String>> patients = new HashMap<>();
        if (keys.isEmpty()) {
            return patients;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pk, patients FROM resource WHERE pk = ANY (?) AND patients IS NOT NULL")) {
            query.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Array array = rs.getArray(2);
                    patients.put(rs.getLong(1), List.of((String[]) array.getArray()));
                }
            }
        }
        return patients;
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
