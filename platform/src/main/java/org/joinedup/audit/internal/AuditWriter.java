package org.joinedup.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records interactions in the audit. On the caller's thread the entry is written as a line (its patients, as the
 * store reported them, who, what and why), numbered and copied into the local journal ({@link AuditJournal});
 * only then may the answer be sent, and if that fails, or the database has fallen too far behind the journal, the
 * access is refused. {@link JournalShipper} chains the entries and copies them to the database in blocks, where the
 * audit is searched and verified.
 * <p>
 * One application node writes one chain: run a single node per database, as the embedded default does.
 */
@Component
class AuditWriter implements FhirAuditSink, DisposableBean {

    /** Journalled entries the database may lag behind by before accesses are refused. */
    static final long MAX_BACKLOG = 100_000;

    private final AuditJournal journal;
    private final JournalShipper shipper;

    AuditWriter(DataSource dataSource, JdbcTemplate jdbc, DatabaseProperties database) {
        Path directory = database.dataDir().resolve("audit");
        AuditBlocks.Head head = new AuditBlocks(jdbc).head();
        List<AuditJournal.Journalled> unshipped = AuditJournal.read(directory).stream().filter(j -> j.entry().seq() > head.seq()).toList();
        this.journal = new AuditJournal(directory, unshipped.isEmpty() ? head.seq() : unshipped.getLast().entry().seq());
        this.shipper = new JournalShipper(dataSource, journal, unshipped, head);
    }

    @Override
    public void record(FhirInteraction interaction) {
        if (shipper.backlog() > MAX_BACKLOG) {
            throw new IllegalStateException("The audit database is " + shipper.backlog() + " entries behind its journal");
        }
        AuditEntry entry = unnumbered(interaction);
        String json = AuditLines.json(entry);
        try {
            shipper.enqueue(journal.append(entry, json.substring(json.indexOf(',')))); // after "{"seq":0"
        } catch (IOException | InternalError e) {
            throw new IllegalStateException("The audit entry could not be written to the journal", e);
        }
    }

    /** How many entries are journalled but not yet in the database (for tests and operators). */
    long backlog() {
        return shipper.backlog();
    }

    /** The entry for an interaction, numbered 0 until the journal gives it its place. */
    static AuditEntry unnumbered(FhirInteraction interaction) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> patients = new LinkedHashSet<>();
        List<String> resources = new ArrayList<>();
        boolean listed = listsResources(interaction.interaction());
        for (FhirInteraction.Disclosed resource : interaction.disclosed()) {
            if (resource.patients() != null) {
                patients.addAll(resource.patients());
            }
            if (resource.type().equals("Patient")) {
                patients.add(resource.id());
            }
            if (listed) {
                resources.add(resource.type() + "/" + resource.id());
            }
        }
        List<String> patientList = List.copyOf(patients);
        FhirAgent agent = interaction.agent();
        boolean breakGlass = !agent.breakGlassPatients().isEmpty() && patientList.stream().anyMatch(agent.breakGlassPatients()::contains);
        return new AuditEntry(0, now, agent.who(), agent.kind(), agent.role(), agent.organization(), agent.clientId(), interaction.interaction(),
                Integer.toString(interaction.status()), breakGlass, breakGlass ? "ETREAT" : agent.purposeOfUse(),
                interaction.method() + " " + interaction.url(), interaction.detail(), patientList, List.copyOf(resources), null);
    }

    /**
     * Whether the entry lists the resources one by one: for reads and writes; a search, history or operation is
     * recorded by its query and the patients whose data it returned, as BALP's query pattern does.
     */
    static boolean listsResources(String interaction) {
        return !(interaction.startsWith("search") || interaction.startsWith("history") || interaction.startsWith("operation"));
    }

    /** The entry with its place in the chain. */
    static AuditEntry numbered(long seq, AuditEntry e) {
        return new AuditEntry(seq, e.recorded(), e.agent(), e.agentKind(), e.agentRole(), e.organization(), e.clientId(), e.action(), e.outcome(),
                e.breakGlass(), e.purpose(), e.query(), e.detail(), e.patients(), e.resources(), e.content());
    }

    @Override
    public void destroy() throws InterruptedException {
        shipper.stop(10_000);
        journal.close();
    }
}
