package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Patient A tries every path the FHIR API offers to reach patient B's record, and finds nothing of it. */
class PatientCompartmentAttacksTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    String alice;
    String bob;
    String bobsObservation;
    String bobsName;
    FhirClient asAlice;

    @BeforeEach
    void twoPatients() {
        String tag = java.util.UUID.randomUUID().toString();
        bobsName = "Bob" + tag.substring(0, 8);
        alice = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Alice" + tag.substring(0, 8) + "\"}]}")).path("id").asText();
        bob = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + bobsName + "\"}]}")).path("id").asText();
        observation(alice, "alice-code");
        bobsObservation = observation(bob, "bob-code");
        asAlice = fhir.as(new MintedTokens(jdbc).patient(alice, "patient/*.cruds"));
    }

    private String observation(String patient, String code) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://example.org\",\"code\":\"" + code + "\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"}}"))
                .path("id").asText();
    }

    @Test
    void aliceReadsHerOwnRecord() {
        assertThat(asAlice.get("/Patient/" + alice).status()).isEqualTo(200);
        assertThat(asAlice.get("/Observation?patient=" + alice).matchIds()).hasSize(1);
    }

    @Test
    void byIdBobDoesNotExistForAlice() {
        assertThat(asAlice.get("/Patient/" + bob).status()).isEqualTo(404);
        assertThat(asAlice.get("/Observation/" + bobsObservation).status()).isEqualTo(404);
        assertThat(asAlice.get("/Observation/" + bobsObservation + "/_history/1").status()).isEqualTo(404);
    }

    @Test
    void bySearchBobsResourcesAreNotFoundNorCounted() {
        FhirClient.Response search = asAlice.get("/Observation?patient=" + bob + "&_total=accurate");
        assertThat(search.matchIds()).isEmpty();
        assertThat(search.json().path("total").asInt()).isZero();
        assertThat(asAlice.get("/Patient?_id=" + bob).matchIds()).isEmpty();
        assertThat(asAlice.get("/Observation?code=bob-code").matchIds()).isEmpty();
        assertThat(asAlice.get("/Observation?_summary=count&code=bob-code").json().path("total").asInt()).isZero();
    }

    @Test
    void byChainedParameterBobsNameFindsNothing() {
        assertThat(asAlice.get("/Observation?subject:Patient.family=" + bobsName).matchIds()).isEmpty();
        assertThat(asAlice.get("/Observation?patient=" + alice + "&subject:Patient.family=" + bobsName).matchIds()).isEmpty();
    }

    @Test
    void byReverseChainBobsDataRevealsNothing() {
        assertThat(asAlice.get("/Patient?_has:Observation:patient:code=bob-code").matchIds()).isEmpty();
    }

    @Test
    void byIncludeAndRevincludeBobsResourcesAreNotAdded() {
        JsonNode bundle = asAlice.get("/Observation?patient=" + alice + "&_include=Observation:subject&_revinclude=Provenance:target").json();
        assertThat(bundle.toString()).doesNotContain(bob);
        JsonNode reverse = asAlice.get("/Patient?_id=" + alice + "&_revinclude=Observation:subject").json();
        assertThat(reverse.toString()).doesNotContain(bobsObservation);
    }

    @Test
    void byEverythingBobsRecordIsNotThere() {
        assertThat(asAlice.get("/Patient/" + bob + "/$everything").status()).isEqualTo(404);
        assertThat(asAlice.get("/Patient/" + alice + "/$everything").json().toString()).doesNotContain(bob);
    }

    @Test
    void byHistoryBobsVersionsAreNotListed() {
        assertThat(asAlice.get("/Patient/" + bob + "/_history").status()).isEqualTo(404);
        assertThat(asAlice.get("/Observation/_history?_count=1000").json().toString()).doesNotContain(bobsObservation);
        assertThat(fhir.get("/Observation/_history?_count=1000").json().toString()).contains(bobsObservation);
    }

    @Test
    void byTransactionEntryBobsRecordCanBeNeitherReadNorWritten() {
        String read = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Patient/"
                + bob + "\"}}]}";
        JsonNode batch = asAlice.post("", read).json();
        assertThat(batch.path("entry").path(0).path("response").path("status").asText()).startsWith("404");
        String write = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/" + bob + "\"}},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";
        assertThat(asAlice.post("", write).status()).isEqualTo(403);
        assertThat(fhir.get("/Observation?patient=" + bob).matchIds()).containsExactly(bobsObservation);
    }

    @Test
    void aliceCannotWriteIntoBobsRecordNorChangeHisResources() {
        String intoBob = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/"
                + bob + "\"}}";
        assertThat(asAlice.post("/Observation", intoBob).status()).isEqualTo(403);
        String takeOver = "{\"resourceType\":\"Observation\",\"id\":\"" + bobsObservation + "\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"Patient/" + alice + "\"}}";
        assertThat(asAlice.put("/Observation/" + bobsObservation, takeOver).status()).isEqualTo(404);
        // patients delete nothing at all (their role), let alone another patient's data
        assertThat(asAlice.delete("/Observation/" + bobsObservation).status()).isEqualTo(403);
        assertThat(fhir.get("/Observation/" + bobsObservation).status()).isEqualTo(200);
    }

    @Test
    void byConditionalUpdateAliceCannotReachBobsResources() {
        String body = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/"
                + alice + "\"}}";
        FhirClient.Response response = asAlice.put("/Observation?code=bob-code", body);
        // Bob's observation is not a match for Alice, so this creates her own instead of overwriting his
        assertThat(response.status()).isEqualTo(201);
        assertThat(fhir.get("/Observation/" + bobsObservation).json().path("subject").path("reference").asText()).isEqualTo("Patient/" + bob);
    }
}
