package org.joinedup.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient admitted to a virtual ward six hours ago whose plan wants a pulse every four hours, and none taken: the
 * check raises one routine alert to the ward's trust, and checking again raises no second; once a pulse is taken
 * nothing is overdue.
 */
class OverdueReadingsCheckTest extends FhirApiTest {

    @Autowired
    OverdueReadingsCheck check;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.joinedup.fhir.FhirApi api;

    @Test
    void overdueReadingsRaiseOneAlertPerLapse() {
        String ods = "RO" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        String trust = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\","
                + "\"value\":\"" + ods + "\"}],\"name\":\"Overdue Trust\"}")).path("id").asText();
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Late\"}]}")).path("id").asText();
        String stay = fhir.create(FhirClient.parse("{\"resourceType\":\"Encounter\",\"status\":\"in-progress\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"VR\"},\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"serviceProvider\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + Instant.now().minus(6, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS) + "\"}}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"subject\":{\"reference\":\"Patient/" + patient
                + "\"},\"activity\":[{\"detail\":{\"status\":\"scheduled\",\"code\":{\"text\":\"Pulse\",\"coding\":[{\"system\":\"http://loinc.org\",\"code\":"
                + "\"8867-4\"}]},\"scheduledTiming\":{\"repeat\":{\"frequency\":1,\"period\":4,\"periodUnit\":\"h\"}}}}]}"));

        check.check();
        check.check();

        List<String> alerts = Eventually.await(() -> jdbc.queryForList("SELECT title || ' / ' || detail || ' / ' || organisation FROM alert WHERE patient_id = ? "
                + "AND kind = 'overdue-readings'", String.class, patient), found -> !found.isEmpty());
        assertThat(alerts).containsExactly("Readings overdue: Pulse / Due every 4 h; none taken since admission / " + ods);
        assertThat(jdbc.queryForObject("SELECT source_key FROM alert WHERE patient_id = ?", String.class, patient))
                .isEqualTo("overdue/" + stay + "/admission/240");

        fhir.create(FhirClient.parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                + "\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"effectiveDateTime\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"valueQuantity\":{\"value\":72,\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}"));
        assertThat(MonitoringPlans.overdue(api, News2Calculator.CALCULATOR, patient, Instant.now().minus(6, ChronoUnit.HOURS))).isEmpty();
    }
}
