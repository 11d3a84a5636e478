package org.joinedup.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirInteraction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Entries journalled before a crash, and never shipped, reach the database when the platform starts again,
 * chained where they belong, and the chain verifies. (Its own database.)
 */
@TestPropertySource(properties = "spring.application.name=joinedup-journal-recovery")
class JournalRecoveryTest extends FhirApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void entriesJournalledButNotShippedArriveAfterARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-recovery");
        Path journalDir = dataDir.resolve("audit");
        long head = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);

        // a node journals three accesses and stops before its shipper copies them
        AuditJournal crashed = new AuditJournal(journalDir, head);
        for (int i = 0; i < 3; i++) {
            String json = AuditLines.json(entry("crashed-" + i));
            crashed.append(entry("crashed-" + i), json.substring(json.indexOf(',')));
        }
        crashed.force();
        crashed.close();

        // starting again: the writer finds them and ships them
        AuditWriter restarted = new AuditWriter(dataSource, jdbc,
                new DatabaseProperties("", "postgres", "", dataDir, 0, 4));
        try {
            Integer arrived = Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE agent LIKE 'crashed-%'",
                    Integer.class), n -> n == 3);
            assertThat(arrived).isEqualTo(3);
            assertThat(jdbc.queryForList("SELECT seq FROM audit_event WHERE agent LIKE 'crashed-%' ORDER BY seq", Long.class))
                    .containsExactly(head + 1, head + 2, head + 3);
            assertThat(new AuditVerifier(jdbc).verify().intact()).isTrue();
        } finally {
            restarted.destroy();
        }
    }

    @Test
    void aNumberGivenOutButNeverWrittenBecomesAGapEntryAndTheChainStaysWhole() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-gap");
        Path journalDir = dataDir.resolve("audit");
        long head = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_event", Long.class);
        AuditJournal crashed = new AuditJournal(journalDir, head);
        for (int i = 0; i < 3; i++) {
            String json = AuditLines.json(entry("gapped-" + i));
            crashed.append(entry("gapped-" + i), json.substring(json.indexOf(',')));
        }
        crashed.close();
        // the node stopped while the second entry was being written: its place holds nothing
        Path segment = AuditJournal.segments(journalDir).getFirst();
        byte[] bytes = Files.readAllBytes(segment);
        int second = indexOf(bytes, (byte) '\n', 0) + 1;
        java.util.Arrays.fill(bytes, second, indexOf(bytes, (byte) '\n', second) + 1, (byte) 0);
        Files.write(segment, bytes);

        AuditWriter restarted = new AuditWriter(dataSource, jdbc, new DatabaseProperties("", "postgres", "", dataDir, 0, 4));
        try {
            List<String> agents = Eventually.await(() -> jdbc.queryForList("SELECT agent || ' ' || action FROM audit_event WHERE seq > ? AND (agent LIKE 'gapped-%' OR action = 'audit-gap') ORDER BY seq",
                    String.class, head), rows -> rows.size() >= 3);
            assertThat(agents).containsExactly("gapped-0 read", "joinedup audit-gap", "gapped-2 read");
            assertThat(new AuditVerifier(jdbc).verify().intact()).isTrue();
        } finally {
            restarted.destroy();
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static AuditEntry entry(String who) {
        return AuditWriter.unnumbered(new FhirInteraction(new FhirAgent(who, "staff", "clinician", "RYY", "app", "TREAT", Set.of()),
                Instant.now(), "GET", "/Patient/x", "read", 200, List.of(new FhirInteraction.Disclosed(1, "Patient", "x", List.of("x"))), null));
    }
}
