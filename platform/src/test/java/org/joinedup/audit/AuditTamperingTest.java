package org.joinedup.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An administrator with direct database access edits an audit entry, or a block's summary: verification finds the
 * first broken link.
 * When the audit journal cannot be written, the access is refused; when the database refuses, entries wait in
 * the journal and arrive later. (Its own database: it breaks the chain.)
 */
@TestPropertySource(properties = "spring.application.name=joinedup-audit-tampering")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperingTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode verify() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/staff/api/audit/verify"))
                .header("Authorization", "Bearer " + Tokens.system(port)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return FhirClient.JSON.readTree(response.body());
    }

    @Autowired
    DatabaseProperties database;

    @Test
    @Order(1)
    void anUntouchedChainVerifies() throws Exception {
        for (int i = 0; i < 5; i++) {
            fhir.get("/Patient?_count=1");
        }
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event", Integer.class), n -> n >= 5);
        JsonNode verdict = verify();
        assertThat(verdict.path("intact").asBoolean()).isTrue();
        assertThat(verdict.path("entries").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(2)
    void anEditedRowIsTheFirstBrokenLink() throws Exception {
        fhir.get("/Patient?_count=2");
        Long target = jdbc.queryForObject("SELECT min(seq) + 2 FROM audit_event", Long.class);
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE seq = ?", Integer.class, target), n -> n > 0);
        String agent = jdbc.queryForObject("SELECT agent FROM audit_event WHERE seq = ?", String.class, target);
        asAnAdministrator("UPDATE audit_block SET lines = regexp_replace(lines, '(\\{\"seq\":' || ? || ',[^\\n]*\"agent\":\")[^\"]*', '\\1nobody')"
                + " WHERE ? BETWEEN first_seq AND last_seq", target, target);
        JsonNode verdict = verify();
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("firstBroken").asLong()).isEqualTo(target);
        assertThat(verdict.path("reason").asText()).contains("does not match its hash");
        asAnAdministrator("UPDATE audit_block SET lines = regexp_replace(lines, '(\\{\"seq\":' || ? || ',[^\\n]*\"agent\":\")nobody', '\\1' || ?)"
                + " WHERE ? BETWEEN first_seq AND last_seq", target, agent, target);
        assertThat(verify().path("intact").asBoolean()).as("put back as it was").isTrue();
    }

    @Test
    @Order(3)
    void aPatientRemovedFromABlocksSummaryToHideItFromSearchesIsFound() throws Exception {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
        fhir.get("/Patient/" + patient);
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_block WHERE patients @> ARRAY[?]::text[]", Integer.class, patient),
                n -> n > 0);
        asAnAdministrator("UPDATE audit_block SET patients = array_remove(patients, ?) WHERE patients @> ARRAY[?]::text[]", patient, patient);
        JsonNode verdict = verify();
        assertThat(verdict.path("intact").asBoolean()).isFalse();
        assertThat(verdict.path("reason").asText()).contains("summary");
    }

    private void asAnAdministrator(String sql, Object... args) {
        jdbc.execute("ALTER TABLE audit_block DISABLE TRIGGER audit_block_no_update");
        try {
            assertThat(jdbc.update(sql, args)).isPositive();
        } finally {
            jdbc.execute("ALTER TABLE audit_block ENABLE TRIGGER audit_block_no_update");
        }
    }

    @Test
    @Order(4)
    void whenTheAuditJournalCannotBeWrittenTheReadIsRefused() throws Exception {
        Path journal = database.dataDir().resolve("audit");
        fhir.get("/Patient?_count=1");
        for (Path segment : Files.list(journal).toList()) {
            Files.delete(segment);
        }
        Files.delete(journal);
        Files.writeString(journal, "not a directory: the journal cannot be opened");
        Thread.sleep(50); // the journal looks for its segment every 20 ms, not on every entry
        try {
            FhirClient.Response response = fhir.get("/Patient?_count=1");
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.body()).contains("could not be recorded in the audit").doesNotContain("\"entry\"");
        } finally {
            Files.delete(journal);
        }
        assertThat(fhir.get("/Patient?_count=1").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void whenTheDatabaseRefusesTheAuditEntriesWaitInTheJournalAndArriveLater() throws Exception {
        jdbc.execute("ALTER TABLE audit_block RENAME TO audit_block_away");
        String patient;
        try {
            patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
            assertThat(fhir.get("/Patient/" + patient).status()).isEqualTo(200);
            Thread.sleep(300);
        } finally {
            jdbc.execute("ALTER TABLE audit_block_away RENAME TO audit_block");
        }
        Integer arrived = Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'read'"
                + " AND patients @> ARRAY[?]::text[]", Integer.class, patient), n -> n > 0);
        assertThat(arrived).isEqualTo(1);
    }
}
