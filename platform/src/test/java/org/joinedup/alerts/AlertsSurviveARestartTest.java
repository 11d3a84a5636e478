package org.joinedup.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.joinedup.JoinedUpApplication;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform stops in the middle of an alert, twice, on the same database. First after a fall event was taken but
 * before its alert was raised (the raising is held up and its connection cut): after the restart the alert is raised,
 * once. Then while the alert waits to be acknowledged, its escalation falling due while the platform is down: after
 * the next start it escalates, once, and its text to the manager on call is sent once. The same event sent again
 * raises nothing.
 */
class AlertsSurviveARestartTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    final String ods = "VNR" + (100 + new java.util.Random().nextInt(900));
    final String dataDir = "target/test-data/alerts-restart-" + UUID.randomUUID();

    @Test
    void anAlertIsRaisedEscalatedAndMessagedExactlyOnceAcrossRestarts() throws Exception {
        String lamp;
        String event;
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            FhirClient fhir = new FhirClient(port(first));
            String home = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"" + ODS_SYSTEM + "\",\"value\":\"" + ods
                    + "\"}],\"name\":\"Restart Grange Care Home\"}")).path("id").asText();
            lamp = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"owner\":{\"reference\":\"Organization/" + home + "\"},"
                    + "\"location\":{\"display\":\"Room 9\"}}")).path("id").asText();
            jdbc.update("INSERT INTO alert_route (organisation, kind, level, role, escalate_after, added_by) VALUES (?, 'fall', 0, 'care-worker', "
                    + "'2 seconds', 'test')", ods);
            jdbc.update("INSERT INTO alert_shift (username, organisation, role, started_at) VALUES ('night.carer', ?, 'care-worker', now())", ods);
            jdbc.update("INSERT INTO alert_route (organisation, kind, level, person, person_name, sms, escalate_after, added_by) "
                    + "VALUES (?, 'fall', 1, 'care.home.manager', 'Manager on call', '07700900999', '1 hour', 'test')", ods);
            event = "{\"events\":[{\"id\":\"restart-1\",\"device\":\"Device/" + lamp + "\",\"type\":\"no-movement\",\"at\":\""
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}]}";

            try (Connection holder = first.getBean(DataSource.class).getConnection(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE alert IN EXCLUSIVE MODE"); // the alert's insert waits behind this
                assertThat(post(port(first), event)).contains("\"accepted\":1");
                Integer waiting = Eventually.await(() -> jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND query LIKE 'INSERT INTO alert %'", Integer.class), pids -> !pids.isEmpty()).getFirst();
                jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, waiting); // the raising fails mid-way, as if the node died
                holder.rollback();
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE source_key = ?", Integer.class, key(lamp))).isZero();
        }

        String alertId;
        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            alertId = Eventually.await(() -> jdbc.queryForList("SELECT id::text FROM alert WHERE source_key = ?", String.class, key(lamp)),
                    found -> !found.isEmpty()).getFirst();
            assertThat(jdbc.queryForObject("SELECT level FROM alert WHERE id = ?::uuid", Integer.class, alertId)).isZero();
        } // stopped before its escalation (2 seconds) fell due

        Thread.sleep(2500);
        try (ConfigurableApplicationContext third = start()) {
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            Eventually.await(() -> jdbc.queryForObject("SELECT level FROM alert WHERE id = ?::uuid", Integer.class, alertId), level -> level == 1);
            List<Map<String, Object>> texts = Eventually.await(() -> jdbc.queryForList("SELECT reference, recipient, status, body FROM message "
                    + "WHERE reference LIKE ?", "alert/" + alertId + "/%"), found -> !found.isEmpty() && "delivered".equals(found.getFirst().get("status")));
            assertThat(texts).hasSize(1);
            assertThat(texts.getFirst()).containsEntry("recipient", "07700900999");
            assertThat((String) texts.getFirst().get("body")).contains("No movement detected").contains("Room 9").contains("/staff/alerts/" + alertId);
            assertThat(post(port(third), event)).contains("\"duplicates\":1");
            Thread.sleep(1500); // an escalation round or more
            assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE source_key = ?", Integer.class, key(lamp))).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT what FROM alert_event WHERE alert_id = ?::uuid ORDER BY at", String.class, alertId))
                    .containsExactly("raised", "sent", "escalated", "messaged");
        }
    }

    private static String key(String lamp) {
        return "device/" + lamp + "/restart-1";
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JoinedUpApplication.class).profiles("test").run("--joinedup.database.data-dir=" + dataDir, "--server.port=0",
                "--joinedup.alerts.escalation-check=200ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String post(int port, String batch) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices/events"))
                .header("Authorization", "Bearer " + Tokens.system(port)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
