package org.joinedup.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics tables follow the store: a patient and their condition written over FHIR appear as rows of the shipped
 * views within seconds, a change replaces the rows, a deletion removes them, and the view's Parquet file (read back by
 * DuckDB) holds the same rows; a query cannot change the tables.
 */
class AnalyticsTablesTest extends FhirApiTest {

    @Autowired
    AnalyticsTables tables;

    @Test
    void aWrittenPatientAndConditionBecomeRowsAndChangesAndDeletionsFollow() throws Exception {
        String family = "Tables" + UUID.randomUUID().toString().substring(0, 8);
        String practice = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"" + family + " Surgery\"}")).path("id").asText();
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\","
                + "\"value\":\"9434765919\"}],\"gender\":\"female\",\"birthDate\":\"1948-05-02\",\"name\":[{\"use\":\"official\",\"family\":\"" + family
                + "\"}],\"address\":[{\"use\":\"home\",\"postalCode\":\"LA1 4RP\"}],\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\"}]}"))
                .path("id").asText();
        String condition = fhir.create(FhirClient.parse("{\"resourceType\":\"Condition\",\"clinicalStatus\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                + "\"code\":\"84114007\",\"display\":\"Heart failure\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"onsetDateTime\":\"2021-03-04\"}"))
                .path("id").asText();

        Map<String, Object> row = eventually(() -> tables.query("SELECT * FROM patient WHERE id = ?", patient)).getFirst();
        assertThat(row).containsEntry("nhs_number", "9434765919").containsEntry("gender", "female").containsEntry("birth_date", "1948-05-02")
                .containsEntry("postcode", "LA1 4RP").containsEntry("practice", practice).containsEntry("deceased", false);
        assertThat(eventually(() -> tables.query("SELECT code, clinical_status FROM condition WHERE patient = ?", patient)))
                .containsExactly(Map.of("code", "84114007", "clinical_status", "active"));

        fhir.put("/Condition/" + condition, FhirClient.parse("{\"resourceType\":\"Condition\",\"id\":\"" + condition + "\",\"clinicalStatus\":{\"coding\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"resolved\"}]},\"code\":{\"coding\":[{\"system\":"
                + "\"http://snomed.info/sct\",\"code\":\"84114007\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"}}"));
        eventually(() -> tables.query("SELECT 1 FROM condition WHERE patient = ? AND clinical_status = 'resolved'", patient));
        assertThat(tables.query("SELECT count(*) AS n FROM condition WHERE patient = ?", patient).getFirst().get("n")).isEqualTo(1L);

        fhir.delete("/Condition/" + condition);
        eventually(() -> tables.query("SELECT 1 FROM condition WHERE patient = ?", patient).isEmpty() ? List.of(Map.of()) : List.of());

        assertThat(tables.freshness().lastLag()).isNotNull();
        assertThat(tables.freshness().rows()).containsKeys("patient", "condition", "observation", "medication_request", "encounter", "appointment");
        eventually(() -> tables.query("SELECT 1 FROM read_parquet(?) WHERE id = ?",
                tables.freshness().parquetDirectory().resolve("patient.parquet").toString(), patient));
    }

    @Test
    void aQueryCannotChangeTheTables() {
        eventually(() -> tables.ready() ? List.of(Map.of()) : List.of());
        long before = (Long) tables.query("SELECT count(*) AS n FROM patient").getFirst().get("n");
        try {
            tables.query("DELETE FROM patient RETURNING id");
        } catch (IllegalArgumentException refused) {
            // refused outright is as good
        }
        assertThat((Long) tables.query("SELECT count(*) AS n FROM patient").getFirst().get("n")).isGreaterThanOrEqualTo(before);
    }

    private static List<Map<String, Object>> eventually(Supplier<List<Map<String, Object>>> query) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            List<Map<String, Object>> rows = query.get();
            if (!rows.isEmpty()) {
                return rows;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not in the analytics tables within a minute");
    }
}
