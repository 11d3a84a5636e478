package org.joinedup.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Setting joinedup.database.url switches JoinedUp to an external PostgreSQL: here Debian's PostgreSQL 15. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ExternalPostgresTest {

    static DebianPostgres postgres;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
        postgres = DebianPostgres.start();
        stopAtExit(postgres);
        registry.add("joinedup.database.url", postgres::jdbcUrl);
        registry.add("joinedup.database.username", () -> "postgres");
        registry.add("joinedup.database.password", () -> DebianPostgres.PASSWORD);
    }

    /**
     * The server stops when the test JVM ends, after the application using it: the application is closed after this
     * class ({@code @DirtiesContext}). Stopped sooner, the application left in the test context cache would keep trying
     * to reach it, and hold the JVM's exit for 30 seconds while closing.
     */
    private static void stopAtExit(DebianPostgres server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("The external PostgreSQL of the test did not stop: " + e);
            }
        }, "external-postgres-stop"));
    }

    @Test
    void theSchemaIsMigratedAndTheStoreWorksOnTheExternalServer() {
        Integer major = jdbc.queryForObject("SELECT current_setting('server_version_num')::int / 10000", Integer.class);
        assertThat(major).isGreaterThanOrEqualTo(15);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isPositive();

        FhirClient fhir = new FhirClient(port);
        String id = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"External\"}]}")).path("id").asText();

        assertThat(fhir.get("/Patient/" + id).status()).isEqualTo(200);
        assertThat(fhir.get("/Patient?family=extern").matchIds()).containsExactly(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource WHERE res_id = ?", Integer.class, id)).isEqualTo(1);
    }
}
