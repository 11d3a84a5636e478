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
    void aConditionalPatchPatchesTheOneMatch() {
        String marker = java.util.UUID.randomUUID().toString();
        String other = fhir.create(FhirClient.parse("""
                {"resourceType":"Patient","identifier":[{"system":"urn:patch","value":"%s"}],"gender":"male"}""".formatted(marker)))
                .path("id").asText();

        FhirClient.Response patched = fhir.patch("/Patient?identifier=urn:patch|" + marker,
                "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(fhir.get("/Patient/" + other).json().path("gender").asText()).isEqualTo("female");
        assertThat(fhir.patch("/Patient?identifier=urn:patch|nobody", "[]").status()).isEqualTo(404);
    }

    @Test
    void aTransactionCarriesAPatchAsABinary() {
        String patch = java.util.Base64.getEncoder().encodeToString(
                "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"other\"}]".getBytes());
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Binary",
                 "contentType":"application/json-patch+json","data":"%s"},"request":{"method":"PATCH","url":"Patient/%s"}}]}"""
                .formatted(patch, id);

        FhirClient.Response response = fhir.post("", bundle);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("entry").get(0).path("response").path("status").asText()).isEqualTo("200 OK");
        assertThat(fhir.get("/Patient/" + id).json().path("gender").asText()).isEqualTo("other");
    }

    @Test
    void ifMatchIsHonoured() {
        assertThat(fhir.patch("/Patient/" + id, "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"other\"}]", "If-Match", "W/\"7\"")
                .status()).isEqualTo(412);
    }
}
