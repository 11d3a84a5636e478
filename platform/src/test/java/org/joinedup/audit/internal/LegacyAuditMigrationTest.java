package org.joinedup.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An audit written one row per access (before blocks) is carried into blocks by the migration, keeps its chain,
 * verifies, is found by searches, and an edit to it is still found.
 */
class LegacyAuditMigrationTest extends FhirApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void rowsWrittenBeforeBlocksVerifyAfterTheMigration() {
        String database = "legacy_audit_" + System.nanoTime();
        new JdbcTemplate(dataSource).execute("CREATE DATABASE " + database);
        HikariDataSource main = (HikariDataSource) dataSource;
        DriverManagerDataSource legacy = new DriverManagerDataSource(main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"),
                main.getUsername(), main.getPassword());
        Flyway.configure().dataSource(legacy).target("2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(legacy);
        String previous = HashChain.GENESIS;
        for (long seq = 1; seq <= 3; seq++) {
            Instant recorded = Instant.now().truncatedTo(ChronoUnit.MICROS);
            AuditEntry entry = new AuditEntry(seq, recorded, "dr-" + seq, "staff", seq == 2 ? null : "clinician", "RYY", "app", "read", "200", seq == 3, null,
                    null, null, List.of("p" + seq), List.of(), "{\"resourceType\":\"AuditEvent\",\"n\":" + seq + "}");
            String hash = HashChain.legacyLink(previous, entry);
            jdbc.update("INSERT INTO audit_event (seq, recorded, agent, agent_kind, agent_role, organization, client_id, action, outcome, break_glass,"
                            + " patients, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY[?], ?, ?, ?)", seq, Timestamp.from(recorded),
                    entry.agent(), entry.agentKind(), entry.agentRole(), entry.organization(), entry.clientId(), entry.action(), entry.outcome(),
                    entry.breakGlass(), "p" + seq, entry.content(), previous, hash);
            previous = hash;
        }

        Flyway.configure().dataSource(legacy).load().migrate();

        AuditVerifier.Verdict verdict = new AuditVerifier(jdbc).verify();
        assertThat(verdict.intact()).as(String.valueOf(verdict.reason())).isTrue();
        assertThat(verdict.entries()).isEqualTo(3);
        List<AuditEntry> found = new AuditSearch(jdbc).find(new AuditSearch.Query("p2", null, null, null, null, null, null, null, 10));
        assertThat(found).singleElement().satisfies(entry -> {
            assertThat(entry.agent()).isEqualTo("dr-2");
            assertThat(BalpEvents.of(entry).path("n").asInt()).isEqualTo(2);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE break_glass", Integer.class)).isEqualTo(1);

        jdbc.execute("ALTER TABLE audit_block DISABLE TRIGGER audit_block_no_update");
        jdbc.update("UPDATE audit_block SET lines = replace(lines, 'dr-2', 'dr-x') WHERE first_seq = 2");
        assertThat(new AuditVerifier(jdbc).verify().firstBroken()).isEqualTo(2);
    }
}
