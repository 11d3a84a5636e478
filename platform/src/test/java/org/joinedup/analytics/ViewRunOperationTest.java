package org.joinedup.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;

/**
 * {@code ViewDefinition/$run} over the store: a view of patients' names and birth dates, for one patient, as JSON and
 * as CSV; a malformed view is refused with an OperationOutcome saying why; a client that may not search is refused.
 */
class ViewRunOperationTest extends FhirApiTest {

    static final String VIEW = "{\"resourceType\":\"ViewDefinition\",\"resource\":\"Patient\",\"status\":\"active\",\"select\":[{\"column\":["
            + "{\"name\":\"id\",\"path\":\"getResourceKey()\"},{\"name\":\"born\",\"path\":\"birthDate\"}]},{\"forEach\":\"name\",\"column\":["
            + "{\"name\":\"family\",\"path\":\"family\"},{\"name\":\"given\",\"path\":\"given\",\"collection\":true}]}]}";

    @Test
    void aViewRunsOverTheStoreForOnePatientAsJsonAndCsv() throws Exception {
        String family = "View" + UUID.randomUUID().toString().substring(0, 6);
        String id = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"birthDate\":\"1950-02-03\",\"name\":[{\"family\":\"" + family
                + "\",\"given\":[\"Ann\",\"May\"]},{\"family\":\"Maiden, Smith\"}]}")).path("id").asText();

        FhirClient.Response json = fhir.post("/ViewDefinition/$run", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"viewResource\",\"resource\":"
                + VIEW + "},{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/" + id + "\"}}]}");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode rows = FhirClient.JSON.readTree(json.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("id").asText()).isEqualTo(id);
        assertThat(rows.findValuesAsText("family")).containsExactlyInAnyOrder(family, "Maiden, Smith");
        assertThat(rows.get(0).path("given").toString()).isEqualTo("[\"Ann\",\"May\"]");

        FhirClient.Response csv = fhir.post("/ViewDefinition/$run?_format=csv", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"viewResource\","
                + "\"resource\":" + VIEW + "},{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/" + id + "\"}}]}");
        assertThat(csv.body()).startsWith("id,born,family,given\r\n").contains(id + ",1950-02-03,\"Maiden, Smith\",");
    }

    @Test
    void aMalformedViewOrACallerThatMayNotSearchIsRefusedSayingWhy() {
        FhirClient.Response malformed = fhir.post("/ViewDefinition/$run", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"viewResource\","
                + "\"resource\":{\"resourceType\":\"ViewDefinition\",\"resource\":\"Patient\",\"select\":[{\"forEach\":\"@@\"}]}}]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("OperationOutcome").contains("Not a FHIRPath expression");

        String feed = Tokens.clientCredentials(port, "observation-feed", "feed-secret", "system/Observation.cruds").path("access_token").asText();
        FhirClient.Response refused = fhir.as(feed).post("/ViewDefinition/$run", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"viewResource\","
                + "\"resource\":" + VIEW + "}]}");
        assertThat(refused.status()).isEqualTo(403);
    }
}
