package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "joinedup.fhir.max-payload-size=1KB")
@ActiveProfiles("test")
class PayloadLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aBodyOverTheConfiguredLimitIs413WithAnOperationOutcome() {
        FhirClient fhir = new FhirClient(port);
        String big = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + "x".repeat(2000) + "\"}]}";

        FhirClient.Response response = fhir.post("/Patient", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("issue").get(0).path("diagnostics").asText()).contains("max-payload-size");
    }
}
