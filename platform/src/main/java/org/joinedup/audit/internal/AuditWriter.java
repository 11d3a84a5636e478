package org.joinedup.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records interactions in the audit. On the caller's thread: the entry is built (its patients, as the store
 * reported them, and the AuditEvent),
 * hash-chained and appended to the local journal ({@link AuditJournal}); only then may the answer be sent,
 * and if the append fails, or the database has fallen too far behind the journal, the access is refused.
 * {@link JournalShipper} copies the journal to the database, where the audit is searched and verified.
 * <p>
 * One application node writes one chain: run a single node per database, as the embedded default does.
 */
@Component
class AuditWriter implements FhirAuditSink, DisposableBean {

    /** Journalled entries the database may lag behind by before accesses are refused. */
    static final long MAX_BACKLOG = 100_000;

    /** An entry as the caller's thread builds it: everything but its place in the chain. */
    record Draft(Instant recorded, FhirInteraction interaction, List<String> patients, boolean breakGlass, String content) {
    }

    private final AuditJournal journal;
    private final JournalShipper shipper;

    AuditWriter(DataSource dataSource, JdbcTemplate jdbc, DatabaseProperties database) {
        Path directory = database.dataDir().resolve("audit");
        long dbSeq = 0;
        String dbHash = HashChain.GENESIS;
        Map<String, Object> head = jdbc.query("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
                rs -> rs.next() ? Map.<String, Object>of("seq", rs.getLong(1), "hash", rs.getString(2)) : null);
        if (head != null) {
            dbSeq = (Long) head.get("seq");
            dbHash = (String) head.get("hash");
        }
        long shipped = dbSeq;
        List<AuditJournal.Chained> unshipped = AuditJournal.read(directory).stream().filter(c -> c.entry().seq() > shipped).toList();
        long seq = unshipped.isEmpty() ? dbSeq : unshipped.getLast().entry().seq();
        String hash = unshipped.isEmpty() ? dbHash : unshipped.getLast().hash();
        this.journal = new AuditJournal(directory, seq, hash);
        this.shipper = new JournalShipper(dataSource, journal, unshipped, dbSeq);
    }

    @Override
    public void record(FhirInteraction interaction) {
        if (shipper.backlog() > MAX_BACKLOG) {
            throw new IllegalStateException("The audit database is " + shipper.backlog() + " entries behind its journal");
        }
        Draft draft = draft(interaction);
        try {
            // queued for the database in chain order, so that what is shipped is always a prefix of the journal
            synchronized (journal) {
                shipper.enqueue(journal.append(draft));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The audit entry could not be written to the journal", e);
        }
    }

    /** How many entries are journalled but not yet in the database (for tests and operators). */
    long backlog() {
        return shipper.backlog();
    }

    private Draft draft(FhirInteraction interaction) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> patients = new LinkedHashSet<>();
        for (FhirInteraction.Disclosed resource : interaction.disclosed()) {
            if (resource.patients() != null) {
                patients.addAll(resource.patients());
            }
            if (resource.type().equals("Patient")) {
                patients.add(resource.id());
            }
        }
        List<String> patientList = List.copyOf(patients);
        boolean breakGlass = patientList.stream().anyMatch(interaction.agent().breakGlassPatients()::contains);
        return new Draft(now, interaction, patientList, breakGlass, BalpEvents.of(interaction, now, patientList, breakGlass));
    }

    /** The chained row of a draft. */
    static AuditEntry entry(long seq, Draft draft) {
        var agent = draft.interaction().agent();
        // the database keeps microseconds: the hash covers the time as it will be read back
        return new AuditEntry(seq, draft.recorded().truncatedTo(ChronoUnit.MICROS), agent.who(), agent.kind(), agent.role(), agent.organization(), agent.clientId(),
                draft.interaction().interaction(), Integer.toString(draft.interaction().status()), draft.breakGlass(), draft.patients(),
                draft.content());
    }

    @Override
    public void destroy() throws InterruptedException {
        shipper.stop(10_000);
        journal.close();
    }
}
