package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionTest extends FhirApiTest {

    String marker;

    @BeforeEach
    void marker() {
        marker = UUID.randomUUID().toString();
    }

    private String bundle(String type, String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + entries + "]}";
    }

    private String patientEntry(String fullUrl) {
        return """
                {"fullUrl":"%s","resource":{"resourceType":"Patient","identifier":[{"system":"urn:tx","value":"%s"}]},
                 "request":{"method":"POST","url":"Patient"}}""".formatted(fullUrl, marker);
    }

    private String observationEntry(String subject) {
        return """
                {"resource":{"resourceType":"Observation","status":"final","code":{"text":"%s"},"subject":{"reference":"%s"}},
                 "request":{"method":"POST","url":"Observation"}}""".formatted(marker, subject);
    }

    @Test
    void urnReferencesAreRewrittenToTheNewIds() {
        String patientUrl = "urn:uuid:" + UUID.randomUUID();

        FhirClient.Response response = fhir.post("", bundle("transaction", patientEntry(patientUrl) + "," + observationEntry(patientUrl)),
                "Prefer", "return=representation");

        assertThat(response.status()).isEqualTo(200);
        JsonNode entries = response.json().path("entry");
        assertThat(response.json().path("type").asText()).isEqualTo("transaction-response");
        assertThat(entries.get(0).path("response").path("status").asText()).isEqualTo("201 Created");
        String patientId = entries.get(0).path("resource").path("id").asText();
        assertThat(entries.get(1).path("resource").path("subject").path("reference").asText()).isEqualTo("Patient/" + patientId);
        assertThat(fhir.get("/Observation?patient=" + patientId).matchIds()).hasSize(1);
    }

    @Test
    void withoutPreferTheResponseCarriesLocationsAndEtagsButNotTheResources() {
        FhirClient.Response response = fhir.post("", bundle("transaction", patientEntry("urn:uuid:" + UUID.randomUUID())));

        JsonNode entry = response.json().path("entry").get(0);
        assertThat(entry.has("resource")).isFalse();
        assertThat(entry.path("response").path("location").asText()).matches(".*/Patient/[0-9a-f-]+/_history/1");
        assertThat(entry.path("fullUrl").asText()).matches("http.*/Patient/[0-9a-f-]+");
        assertThat(entry.path("response").path("etag").asText()).isEqualTo("W/\"1\"");
    }

    @Test
    void conditionalReferencesAreResolvedBySearch() {
        String patientId = fhir.create(FhirClient.parse("""
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/local","value":"%s"}]}"""
                .formatted(marker))).path("id").asText();

        FhirClient.Response response = fhir.post("", bundle("transaction",
                observationEntry("Patient?identifier=https://fhir.nhs.uk/Id/local|" + marker)), "Prefer", "return=representation");

        assertThat(response.json().path("entry").get(0).path("resource").path("subject").path("reference").asText())
                .isEqualTo("Patient/" + patientId);
    }

    @Test
    void conditionalCreateInsideATransactionReusesTheExistingResource() {
        String patientId = fhir.create(FhirClient.parse("""
                {"resourceType":"Patient","identifier":[{"system":"urn:tx","value":"%s"}]}""".formatted(marker))).path("id").asText();
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        String conditional = patientEntry(patientUrl).replace("\"url\":\"Patient\"}", "\"url\":\"Patient\",\"ifNoneExist\":\"identifier=urn:tx|" + marker + "\"}");

        FhirClient.Response response = fhir.post("", bundle("transaction", conditional + "," + observationEntry(patientUrl)),
                "Prefer", "return=representation");

        assertThat(response.json().path("entry").get(0).path("response").path("status").asText()).isEqualTo("200 OK");
        assertThat(response.json().path("entry").get(1).path("resource").path("subject").path("reference").asText())
                .isEqualTo("Patient/" + patientId);
        assertThat(fhir.get("/Patient?identifier=urn:tx|" + marker).matchIds()).containsExactly(patientId);
    }

    @Test
    void aFailingEntryLeavesNothingWritten() {
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        String broken = """
                {"resource":{"resourceType":"Observation","status":"final","code":{"text":"%s"},"valueBoolean":"yes"},
                 "request":{"method":"POST","url":"Observation"}}""".formatted(marker);

        FhirClient.Response response = fhir.post("", bundle("transaction", patientEntry(patientUrl) + "," + broken));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("issue").get(0).path("diagnostics").asText()).startsWith("Bundle entry 1:");
        assertThat(fhir.get("/Patient?identifier=urn:tx|" + marker).matchIds()).isEmpty();
    }

    @Test
    void aReferenceToNoEntryOrToAMissingResourceFailsTheTransaction() {
        FhirClient.Response dangling = fhir.post("", bundle("transaction",
                patientEntry("urn:uuid:" + UUID.randomUUID()) + "," + observationEntry("urn:uuid:" + UUID.randomUUID())));
        FhirClient.Response missing = fhir.post("", bundle("transaction",
                patientEntry("urn:uuid:" + UUID.randomUUID()) + "," + observationEntry("Patient/not-there")));
        FhirClient.Response unmatched = fhir.post("", bundle("transaction", observationEntry("Patient?identifier=urn:tx|nobody")));

        assertThat(dangling.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(unmatched.status()).isEqualTo(412);
        assertThat(fhir.get("/Patient?identifier=urn:tx|" + marker).matchIds()).isEmpty();
    }

    @Test
    void entriesRunInFhirOrderAndGetsSeeTheWrites() {
        String id = "tx-" + marker;
        String entries = """
                {"request":{"method":"GET","url":"Patient?_id=%1$s"}},
                {"resource":{"resourceType":"Patient","id":"%1$s","gender":"female"},"request":{"method":"PUT","url":"Patient/%1$s"}}
                """.formatted(id);

        FhirClient.Response response = fhir.post("", bundle("transaction", entries));

        JsonNode search = response.json().path("entry").get(0).path("resource");
        assertThat(search.path("total").asInt()).isEqualTo(1);
        assertThat(response.json().path("entry").get(1).path("response").path("status").asText()).isEqualTo("201 Created");
    }

    @Test
    void deleteAndUpdateInATransaction() {
        JsonNode existing = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"gender\":\"male\"}"));
        String id = existing.path("id").asText();
        String entries = """
                {"request":{"method":"DELETE","url":"Patient/%s"}}""".formatted(id);

        FhirClient.Response response = fhir.post("", bundle("transaction", entries));

        assertThat(response.json().path("entry").get(0).path("response").path("status").asText()).isEqualTo("204 No Content");
        assertThat(fhir.get("/Patient/" + id).status()).isEqualTo(410);
    }

    @Test
    void aBatchAnswersEachEntryOnItsOwn() {
        String entries = patientEntry("urn:uuid:" + UUID.randomUUID()) + ","
                + "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/not-there\"}},"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"nope\"},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}";

        FhirClient.Response response = fhir.post("", bundle("batch", entries));

        JsonNode results = response.json().path("entry");
        assertThat(response.json().path("type").asText()).isEqualTo("batch-response");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("response").path("status").asText()).isEqualTo("201 Created");
        assertThat(results.get(1).path("response").path("status").asText()).isEqualTo("404 Not Found");
        assertThat(results.get(1).path("response").path("outcome").path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(results.get(2).path("response").path("status").asText()).startsWith("400");
        assertThat(fhir.get("/Patient?identifier=urn:tx|" + marker).matchIds()).hasSize(1);
    }

    @Test
    void onlyBatchAndTransactionBundlesArePostedToTheBase() {
        assertThat(fhir.post("", bundle("collection", "")).status()).isEqualTo(400);
        assertThat(fhir.post("", "{\"resourceType\":\"Patient\"}").status()).isEqualTo(400);
    }
}
