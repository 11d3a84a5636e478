package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirTest
class PatchTest {

    @LocalServerPort
    int port;
    FhirClient fhir;
    String id;

    @BeforeEach
    void patient() {
        fhir = new FhirClient(port);
        id = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"gender\":\"male\",\"name\":[{\"family\":\"Patched\"}]}"))
                .path("id").asText();
    }

    @Test
    void aJsonPatchWritesANewVersion() {
        FhirClient.Response patched = fhir.patch("/Patient/" + id, """
                [{"op":"replace","path":"/gender","value":"female"},{"op":"add","path":"/birthDate","value":"2001-01-01"}]""");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("gender").asText()).isEqualTo("female");
        assertThat(patched.json().path("meta").path("versionId").asText()).isEqualTo("2");
        assertThat(fhir.get("/Patient?_id=" + id + "&birthdate=2001").matchIds()).containsExactly(id);
    }

    @Test
    void aFailedTestOperationIs422AndChangesNothing() {
        FhirClient.Response patched = fhir.patch("/Patient/" + id, """
                [{"op":"test","path":"/gender","value":"female"},{"op":"replace","path":"/gender","value":"other"}]""");

        assertThat(patched.status()).isEqualTo(422);
        assertThat(fhir.get("/Patient/" + id).json().path("gender").asText()).isEqualTo("male");
    }

    @Test
    void aPatchThatBreaksTheResourceIsRefused() {
        assertThat(fhir.patch("/Patient/" + id, "[{\"op\":\"add\",\"path\":\"/colour\",\"value\":\"blue\"}]").status()).isEqualTo(400);
        assertThat(fhir.patch("/Patient/" + id, "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"other\"}]").status()).isEqualTo(422);
    }

    @Test
    void ifMatchIsHonoured() {
        assertThat(fhir.patch("/Patient/" + id, "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"other\"}]", "If-Match", "W/\"7\"")
                .status()).isEqualTo(412);
    }
}
