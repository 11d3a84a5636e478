package org.joinedup.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every FHIR interaction, refused or not, leaves one BALP AuditEvent naming who, what, which patient, and the outcome. */
class AuditTrailTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The newest entry about a patient with this action, once it has reached the database. */
    private Map<String, Object> lastEntryAbout(String patient, String action) {
        return Eventually.await(() -> jdbc.queryForList("SELECT * FROM audit_event WHERE patients @> ARRAY[?]::text[] AND action = ?"
                + " ORDER BY seq DESC LIMIT 1", patient, action), rows -> !rows.isEmpty()).getFirst();
    }

    @Test
    void aReadIsRecordedWithItsPatientAgentAndOutcome() throws Exception {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Audited\"}]}")).path("id").asText();
        fhir.get("/Patient/" + patient);

        Map<String, Object> row = lastEntryAbout(patient, "read");
        assertThat(row.get("action")).isEqualTo("read");
        assertThat(row.get("outcome")).isEqualTo("200");
        assertThat(row.get("client_id")).isEqualTo("joinedup-demo");
        JsonNode event = auditEventOf(patient, (Long) row.get("seq"));
        assertThat(event.path("resourceType").asText()).isEqualTo("AuditEvent");
        assertThat(event.path("type").path("code").asText()).isEqualTo("rest");
        assertThat(event.path("subtype").path(0).path("code").asText()).isEqualTo("read");
        assertThat(event.path("action").asText()).isEqualTo("R");
        assertThat(event.path("outcome").asText()).isEqualTo("0");
        assertThat(event.path("entity").toString()).contains("Patient/" + patient);
        assertThat(event.path("agent").path(0).path("requestor").asBoolean()).isTrue();
    }

    @Test
    void aSearchRecordsEveryPatientWhoseDataItReturned() {
        String a = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"SearchAuditA\"}]}")).path("id").asText();
        String b = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"SearchAuditB\"}]}")).path("id").asText();
        fhir.get("/Patient?_id=" + a + "," + b);

        Map<String, Object> row = lastEntryAbout(a, "search");
        assertThat(row.get("action")).isEqualTo("search");
        assertThat(List.of((String[]) toArray(row.get("patients")))).contains(a, b);
    }

    @Test
    void aRefusalIsRecordedToo() {
        fhir.get("/Patient/does-not-exist-" + System.nanoTime());
        Integer refusals = Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE outcome = '404'"
                + " AND content LIKE '%does-not-exist%'", Integer.class), n -> n > 0);
        assertThat(refusals).isPositive();
    }

    @Test
    void theAuditCannotBeChangedOrDeletedThroughTheDatabaseConnection() {
        fhir.get("/Patient?_count=1");
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event", Integer.class), n -> n > 0);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_block SET agents = '{}'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_block")).hasMessageContaining("append-only");
    }

    /** The AuditEvent an auditor is shown for an entry. */
    private JsonNode auditEventOf(String patient, long seq) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/staff/api/audit?patient=" + patient + "&before=" + (seq + 1) + "&_count=1"))
                .header("Authorization", "Bearer " + Tokens.system(port)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode event = FhirClient.JSON.readTree(response.body()).path("entry").path(0).path("resource");
        assertThat(event.path("id").asText()).isEqualTo(Long.toString(seq));
        return event;
    }

    private static Object toArray(Object sqlArray) {
        try {
            return ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
