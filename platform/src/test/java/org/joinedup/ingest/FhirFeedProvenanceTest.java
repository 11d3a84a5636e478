package org.joinedup.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A source system posting FHIR with its client credentials leaves a Provenance naming it on every write, in the
 * same transaction, so the record shows where each fact came from; a system that sends its own Provenance keeps it.
 */
class FhirFeedProvenanceTest extends FhirApiTest {

    private FhirClient feed() {
        return fhir.as(Tokens.clientCredentials(port, "observation-feed", "feed-secret", "system/Observation.cruds system/Provenance.cruds")
                .path("access_token").asText());
    }

    @Test
    void eachWriteBySourceSystemNamesItInAProvenance() {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
        JsonNode observation = feed().create(FhirClient.parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Weight\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}"));
        String id = observation.path("id").asText();
        JsonNode provenance = fhir.get("/Provenance?target=Observation/" + id).json();
        assertThat(provenance.path("total").asInt()).isEqualTo(1);
        assertThat(provenance.at("/entry/0/resource/agent/0/who/identifier/value").asText()).isEqualTo("observation-feed");

        assertThat(fhir.get("/Provenance?target=Patient/" + patient).json().path("total").asInt())
                .as("the demo client (scripts, benchmarks) is not a source system").isZero();
    }

    @Test
    void aTransactionGetsOneProvenanceForAllItWroteUnlessItSendsItsOwn() {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
        String bundle = bundle(patient, "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "");
        FhirClient.Response posted = feed().post("", FhirClient.parse(bundle));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode provenances = fhir.get("/Provenance?target:Observation.subject=" + patient).json();
        assertThat(provenances.path("total").asInt()).isEqualTo(1);
        assertThat(provenances.at("/entry/0/resource/target")).hasSize(2);

        String own = bundle(patient, "33333333-3333-3333-3333-333333333333", "44444444-4444-4444-4444-444444444444", ",{\"resource\":{"
                + "\"resourceType\":\"Provenance\",\"target\":[{\"reference\":\"urn:uuid:33333333-3333-3333-3333-333333333333\"}],"
                + "\"recorded\":\"2026-11-26T10:00:00Z\",\"agent\":[{\"who\":{\"display\":\"Lab system LIMS-7\"}}]},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Provenance\"}}");
        FhirClient.Response postedOwn = feed().post("", FhirClient.parse(own));
        assertThat(postedOwn.status()).as(postedOwn.body()).isEqualTo(200);
        JsonNode all = fhir.get("/Provenance?target:Observation.subject=" + patient).json();
        assertThat(all.path("total").asInt()).as("its own, not one of ours as well").isEqualTo(2);
        assertThat(all.toString()).contains("LIMS-7");
    }

    private static String bundle(String patient, String first, String second, String more) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:" + first + "\",\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"text\":\"Pulse\"},\"subject\":{\"reference\":\"Patient/" + patient + "\"}},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}},"
                + "{\"fullUrl\":\"urn:uuid:" + second + "\",\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"text\":\"Temperature\"},\"subject\":{\"reference\":\"Patient/" + patient + "\"}},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}" + more + "]}";
    }
}
