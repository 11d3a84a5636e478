package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;

class ConditionalInteractionsTest extends FhirApiTest {

    static String patientWith(String system, String value) {
        return """
                {"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],"gender":"male"}""".formatted(system, value);
    }

    @Test
    void conditionalCreateCreatesOnceThenReturnsTheExistingResource() {
        String value = UUID.randomUUID().toString();
        String condition = "identifier=urn:test|" + value;

        FhirClient.Response first = fhir.post("/Patient", patientWith("urn:test", value), "If-None-Exist", condition);
        FhirClient.Response second = fhir.post("/Patient", patientWith("urn:test", value), "If-None-Exist", condition);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void conditionalCreateMatchingSeveralIs412() {
        String value = UUID.randomUUID().toString();
        fhir.create(FhirClient.parse(patientWith("urn:test", value)));
        fhir.create(FhirClient.parse(patientWith("urn:test", value)));

        assertThat(fhir.post("/Patient", patientWith("urn:test", value), "If-None-Exist", "identifier=urn:test|" + value).status())
                .isEqualTo(412);
    }

    @Test
    void racingConditionalCreatesMakeOneResource() throws Exception {
        String value = UUID.randomUUID().toString();
        List<Callable<FhirClient.Response>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(() -> fhir.post("/Patient", patientWith("urn:race", value), "If-None-Exist", "identifier=urn:race|" + value));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<FhirClient.Response> result : pool.invokeAll(creates)) {
                assertThat(result.get().status()).isIn(200, 201);
            }
        }

        assertThat(fhir.get("/Patient?identifier=urn:race|" + value).matchIds()).hasSize(1);
    }

    @Test
    void conditionalUpdateCreatesWhenNothingMatchesAndUpdatesTheOneThatDoes() {
        String value = UUID.randomUUID().toString();
        String url = "/Patient?identifier=urn:test|" + value;

        FhirClient.Response created = fhir.put(url, patientWith("urn:test", value));
        FhirClient.Response updated = fhir.put(url, patientWith("urn:test", value).replace("\"male\"", "\"female\""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.json().path("meta").path("versionId").asText()).isEqualTo("2");
    }

    @Test
    void conditionalUpdateMatchingSeveralIs412() {
        String value = UUID.randomUUID().toString();
        fhir.create(FhirClient.parse(patientWith("urn:test", value)));
        fhir.create(FhirClient.parse(patientWith("urn:test", value)));

        assertThat(fhir.put("/Patient?identifier=urn:test|" + value, patientWith("urn:test", value)).status()).isEqualTo(412);
    }

    @Test
    void conditionalDeleteDeletesTheOneMatchAndRefusesSeveral() {
        String one = UUID.randomUUID().toString();
        String id = fhir.create(FhirClient.parse(patientWith("urn:test", one))).path("id").asText();
        String two = UUID.randomUUID().toString();
        fhir.create(FhirClient.parse(patientWith("urn:test", two)));
        fhir.create(FhirClient.parse(patientWith("urn:test", two)));

        assertThat(fhir.delete("/Patient?identifier=urn:test|" + one).status()).isEqualTo(200);
        assertThat(fhir.get("/Patient/" + id).status()).isEqualTo(410);
        assertThat(fhir.delete("/Patient?identifier=urn:test|" + two).status()).isEqualTo(412);
        assertThat(fhir.get("/Patient?identifier=urn:test|" + two).matchIds()).hasSize(2);
    }
}
