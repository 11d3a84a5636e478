package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;

class HistoryTest extends FhirApiTest {

    private String threeVersions() throws InterruptedException {
        JsonNode v1 = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\"}"));
        String id = v1.path("id").asText();
        Thread.sleep(5);
        fhir.put("/Device/" + id, ((ObjectNode) v1.deepCopy()).put("status", "inactive"));
        Thread.sleep(5);
        fhir.delete("/Device/" + id);
        return id;
    }

    @Test
    void instanceHistoryListsEveryVersionNewestFirst() throws Exception {
        String id = threeVersions();

        FhirClient.Response history = fhir.get("/Device/" + id + "/_history");

        assertThat(history.json().path("type").asText()).isEqualTo("history");
        List<String> methods = new ArrayList<>();
        history.json().path("entry").forEach(e -> methods.add(e.path("request").path("method").asText()));
        assertThat(methods).containsExactly("DELETE", "PUT", "POST");
        assertThat(history.json().path("entry").get(1).path("resource").path("status").asText()).isEqualTo("inactive");
        assertThat(history.json().path("entry").get(0).has("resource")).isFalse();
    }

    @Test
    void sinceAndAtSelectVersionsByTime() throws Exception {
        JsonNode v1 = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\"}"));
        String id = v1.path("id").asText();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        fhir.put("/Device/" + id, ((ObjectNode) v1.deepCopy()).put("status", "inactive"));

        FhirClient.Response since = fhir.get("/Device/" + id + "/_history?_since=" + between);
        FhirClient.Response at = fhir.get("/Device/" + id + "/_history?_at=" + between);

        assertThat(since.resources()).extracting(r -> r.path("status").asText()).containsExactly("inactive");
        assertThat(at.resources()).extracting(r -> r.path("status").asText()).containsExactly("active");
    }

    @Test
    void typeAndSystemHistoryPageWithCount() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 5; i++) {
            fhir.create(FhirClient.parse("{\"resourceType\":\"Substance\",\"code\":{\"text\":\"h" + i + "\"}}"));
        }

        FhirClient.Response page1 = fhir.get("/Substance/_history?_count=3&_since=" + start);
        FhirClient.Response page2 = fhir.get(page1.link("next"));
        FhirClient.Response system = fhir.get("/_history?_count=2&_since=" + start);

        assertThat(page1.resources()).hasSize(3);
        assertThat(page2.resources()).hasSize(2);
        assertThat(page2.link("next")).isNull();
        assertThat(system.resources()).hasSize(2);
        assertThat(system.link("next")).isNotNull();
    }

    @Test
    void historyOfAnUnknownResourceIs404() {
        assertThat(fhir.get("/Device/never-existed/_history").status()).isEqualTo(404);
    }
}
