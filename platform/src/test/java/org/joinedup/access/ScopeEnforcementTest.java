package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client may do only what its scopes name, on every path, including those that reach other types indirectly. */
class ScopeEnforcementTest extends FhirApiTest {

    FhirClient feed;
    FhirClient reader;
    String patient;

    @BeforeEach
    void clients() {
        feed = fhir.as(Tokens.clientCredentials(port, "observation-feed", "feed-secret", "system/Observation.cruds")
                .path("access_token").asText());
        reader = fhir.as(Tokens.clientCredentials(port, "reader", "reader-secret", "system/*.rs").path("access_token").asText());
        patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Scoped\"}]}")).path("id").asText();
    }

    private String observation() {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/"
                + patient + "\"}}";
    }

    @Test
    void aFeedScopedToObservationsWritesThemButReadsNoPatient() {
        assertThat(feed.post("/Observation", observation()).status()).isEqualTo(201);
        FhirClient.Response read = feed.get("/Patient/" + patient);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().path("issue").path(0).path("code").asText()).isEqualTo("forbidden");
        assertThat(feed.get("/Patient?family=Scoped").status()).isEqualTo(403);
        assertThat(feed.post("/Patient", "{\"resourceType\":\"Patient\"}").status()).isEqualTo(403);
    }

    @Test
    void aChainOrReverseChainIntoAnUnscopedTypeIsRefused() {
        assertThat(feed.get("/Observation?subject:Patient.family=Scoped").status()).isEqualTo(403);
        assertThat(feed.get("/Observation?_has:DiagnosticReport:result:code=x").status()).isEqualTo(403);
    }

    @Test
    void includesOfAnUnscopedTypeAreLeftOut() {
        feed.post("/Observation", observation());
        FhirClient.Response bundle = feed.get("/Observation?subject=Patient/" + patient + "&_include=Observation:subject");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.resources()).isNotEmpty().allMatch(r -> r.path("resourceType").asText().equals("Observation"));
    }

    @Test
    void everythingAndHistoryShowOnlyScopedTypes() {
        feed.post("/Observation", observation());
        assertThat(feed.get("/Patient/" + patient + "/$everything").status()).isEqualTo(403);
        assertThat(feed.get("/_history?_count=200").resources()).allMatch(r -> r.path("resourceType").asText().equals("Observation"));
    }

    @Test
    void aTransactionWithOneUnscopedEntryWritesNothing() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"resource\":" + observation() + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}},"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sneaked\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}";
        assertThat(feed.post("", bundle).status()).isEqualTo(403);
        assertThat(fhir.get("/Patient?family=Sneaked").matchIds()).isEmpty();
    }

    @Test
    void aReadOnlyClientReadsButCannotWriteOrDelete() {
        assertThat(reader.get("/Patient/" + patient).status()).isEqualTo(200);
        assertThat(reader.post("/Observation", observation()).status()).isEqualTo(403);
        assertThat(reader.delete("/Patient/" + patient).status()).isEqualTo(403);
        assertThat(fhir.get("/Patient/" + patient).status()).isEqualTo(200);
    }
}
