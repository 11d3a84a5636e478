package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /fhir/metadata describes exactly what is implemented. */
@FhirTest
class CapabilityStatementTest {

    @LocalServerPort
    int port;

    @Test
    void listsEveryTypeWithItsInteractionsSearchParametersAndOperations() {
        JsonNode statement = new FhirClient(port).get("/metadata").json();

        assertThat(statement.path("resourceType").asText()).isEqualTo("CapabilityStatement");
        assertThat(statement.path("fhirVersion").asText()).isEqualTo("4.0.1");
        JsonNode rest = statement.path("rest").get(0);
        assertThat(rest.path("resource")).hasSizeGreaterThan(140);
        JsonNode observation = null;
        JsonNode patient = null;
        for (JsonNode resource : rest.path("resource")) {
            if (resource.path("type").asText().equals("Observation")) {
                observation = resource;
            } else if (resource.path("type").asText().equals("Patient")) {
                patient = resource;
            }
        }
        List<String> params = new ArrayList<>();
        observation.path("searchParam").forEach(p -> params.add(p.path("name").asText()));
        assertThat(params).contains("_id", "_lastUpdated", "code", "patient", "date", "value-quantity", "code-value-quantity");
        List<String> interactions = new ArrayList<>();
        observation.path("interaction").forEach(i -> interactions.add(i.path("code").asText()));
        assertThat(interactions).contains("read", "vread", "update", "patch", "delete", "history-instance", "create", "search-type");
        assertThat(observation.path("conditionalDelete").asText()).isEqualTo("single");
        assertThat(patient.path("operation").get(0).path("name").asText()).isEqualTo("everything");
        List<String> system = new ArrayList<>();
        rest.path("interaction").forEach(i -> system.add(i.path("code").asText()));
        assertThat(system).contains("transaction", "batch", "history-system");
    }

    @Test
    void isServedAsXmlToo() {
        FhirClient.Response xml = new FhirClient(port).get("/metadata?_format=xml");

        assertThat(xml.body()).startsWith("<CapabilityStatement xmlns=\"http://hl7.org/fhir\">");
    }
}
