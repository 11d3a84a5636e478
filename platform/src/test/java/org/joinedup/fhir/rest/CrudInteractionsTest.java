package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;

class CrudInteractionsTest extends FhirApiTest {

    static ObjectNode patient(String family) {
        return FhirClient.parse("""
                {"resourceType":"Patient","name":[{"family":"%s","given":["Ann"]}],"gender":"female","birthDate":"1970-02-03"}
                """.formatted(family));
    }

    @Test
    void createAssignsAnIdAndVersionOneAndAnswers201WithLocationAndEtag() {
        FhirClient.Response created = fhir.post("/Patient", patient("Create").put("id", "ignored"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.id();
        assertThat(id).isNotEqualTo("ignored");
        assertThat(created.json().path("meta").path("versionId").asText()).isEqualTo("1");
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.header("Location")).isEqualTo(fhir.base() + "/Patient/" + id + "/_history/1");
        assertThat(created.header("Last-Modified")).isNotNull();
    }

    @Test
    void readReturnsExactlyTheStoredVersion() {
        JsonNode created = fhir.create(patient("Read"));

        FhirClient.Response read = fhir.get("/Patient/" + created.path("id").asText());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(read.header("Content-Type")).startsWith("application/fhir+json");
    }

    @Test
    void readOfAnUnknownIdIs404WithAnOperationOutcome() {
        FhirClient.Response read = fhir.get("/Patient/does-not-exist");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void updateWritesVersionTwoAndVreadStillReturnsVersionOne() {
        JsonNode created = fhir.create(patient("Update"));
        String id = created.path("id").asText();
        ObjectNode changed = ((ObjectNode) created.deepCopy()).put("gender", "other");

        FhirClient.Response updated = fhir.put("/Patient/" + id, changed);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("meta").path("versionId").asText()).isEqualTo("2");
        assertThat(fhir.get("/Patient/" + id).json().path("gender").asText()).isEqualTo("other");
        assertThat(fhir.get("/Patient/" + id + "/_history/1").json().path("gender").asText()).isEqualTo("female");
    }

    @Test
    void updateThatChangesNothingWritesNoNewVersion() {
        JsonNode created = fhir.create(patient("Same"));
        String id = created.path("id").asText();

        FhirClient.Response again = fhir.put("/Patient/" + id, created);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("meta").path("versionId").asText()).isEqualTo("1");
    }

    @Test
    void updateWithAClientIdCreatesTheResource() {
        String id = "client-" + UUID.randomUUID();

        FhirClient.Response created = fhir.put("/Patient/" + id, patient("ClientId").put("id", id));

        assertThat(created.status()).isEqualTo(201);
        assertThat(fhir.get("/Patient/" + id).status()).isEqualTo(200);
    }

    @Test
    void updateWhoseBodyIdDiffersFromTheUrlIs400() {
        FhirClient.Response response = fhir.put("/Patient/one-id", patient("Mismatch").put("id", "another-id"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("issue").get(0).path("diagnostics").asText()).contains("does not match");
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndChangesNothing() {
        JsonNode created = fhir.create(patient("IfMatch"));
        String id = created.path("id").asText();
        fhir.put("/Patient/" + id, ((ObjectNode) created.deepCopy()).put("gender", "male"));

        FhirClient.Response stale = fhir.put("/Patient/" + id, ((ObjectNode) created.deepCopy()).put("gender", "unknown"),
                "If-Match", "W/\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(fhir.get("/Patient/" + id).json().path("gender").asText()).isEqualTo("male");
        assertThat(fhir.put("/Patient/" + id, ((ObjectNode) created.deepCopy()).put("gender", "unknown"), "If-Match", "W/\"2\"")
                .status()).isEqualTo(200);
    }

    @Test
    void deleteIsSoftAReadAnswers410AndHistoryKeepsEveryVersion() {
        String id = fhir.create(patient("Delete")).path("id").asText();

        FhirClient.Response deleted = fhir.delete("/Patient/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(fhir.get("/Patient/" + id).status()).isEqualTo(410);
        assertThat(fhir.get("/Patient/" + id + "/_history/1").status()).isEqualTo(200);
        FhirClient.Response history = fhir.get("/Patient/" + id + "/_history");
        assertThat(history.json().path("total").asInt()).isEqualTo(2);
        assertThat(history.json().path("entry").get(0).path("request").path("method").asText()).isEqualTo("DELETE");
        assertThat(fhir.get("/Patient?_id=" + id).matchIds()).isEmpty();
    }

    @Test
    void aDeletedResourceCanBeRecreatedByUpdate() {
        JsonNode created = fhir.create(patient("Recreate"));
        String id = created.path("id").asText();
        fhir.delete("/Patient/" + id);

        FhirClient.Response recreated = fhir.put("/Patient/" + id, created);

        assertThat(recreated.status()).isEqualTo(201);
        assertThat(recreated.json().path("meta").path("versionId").asText()).isEqualTo("3");
    }

    @Test
    void preferReturnMinimalAnswersWithoutABodyAndOperationOutcomeWithOne() {
        FhirClient.Response minimal = fhir.post("/Patient", patient("Minimal"), "Prefer", "return=minimal");
        FhirClient.Response outcome = fhir.post("/Patient", patient("Outcome"), "Prefer", "return=OperationOutcome");

        assertThat(minimal.status()).isEqualTo(201);
        assertThat(minimal.body()).isEmpty();
        assertThat(minimal.header("Location")).contains("/Patient/");
        assertThat(outcome.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void xmlIsServedOnRequestAndAcceptedAsInput() {
        String id = fhir.create(patient("Xml")).path("id").asText();

        FhirClient.Response xml = fhir.get("/Patient/" + id + "?_format=xml");
        FhirClient.Response viaAccept = fhir.get("/Patient/" + id, "Accept", "application/fhir+xml");
        FhirClient.Response posted = fhir.send("POST", "/Patient", "application/fhir+xml", xml.body().getBytes());

        assertThat(xml.header("Content-Type")).startsWith("application/fhir+xml");
        assertThat(xml.body()).contains("<Patient xmlns=\"http://hl7.org/fhir\">").contains("<family value=\"Xml\"/>");
        assertThat(viaAccept.body()).startsWith("<Patient");
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().path("name").get(0).path("family").asText()).isEqualTo("Xml");
    }

    @Test
    void aBrowserIsServedJsonItCanShow() {
        String id = fhir.create(patient("Browser")).path("id").asText();

        FhirClient.Response browser = fhir.get("/Patient/" + id, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(browser.header("Content-Type")).startsWith("application/json");
        assertThat(browser.json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void prettyPrintingIndentsTheJson() {
        String id = fhir.create(patient("Pretty")).path("id").asText();

        assertThat(fhir.get("/Patient/" + id + "?_pretty=true").body()).contains("\n  \"resourceType\"");
    }

    @Test
    void summaryAndElementsReturnASubsetMarkedSubsetted() {
        ObjectNode resource = patient("Subset");
        resource.putObject("text").put("status", "generated").put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">Ann</div>");
        resource.putArray("contact").addObject().putObject("name").put("family", "Kin");
        String id = fhir.create(resource).path("id").asText();

        JsonNode summary = fhir.get("/Patient/" + id + "?_summary=true").json();
        JsonNode text = fhir.get("/Patient/" + id + "?_summary=text").json();
        JsonNode data = fhir.get("/Patient/" + id + "?_summary=data").json();
        JsonNode elements = fhir.get("/Patient/" + id + "?_elements=gender").json();

        assertThat(summary.has("name")).isTrue();
        assertThat(summary.has("contact")).isFalse();
        assertThat(summary.has("text")).isFalse();
        assertThat(summary.path("meta").path("tag").get(0).path("code").asText()).isEqualTo("SUBSETTED");
        assertThat(text.has("text")).isTrue();
        assertThat(text.has("name")).isFalse();
        assertThat(data.has("text")).isFalse();
        assertThat(data.has("contact")).isTrue();
        assertThat(elements.has("gender")).isTrue();
        assertThat(elements.has("name")).isFalse();
    }

    @Test
    void conditionalReadAnswers304WhenTheClientHasTheCurrentVersion() {
        String id = fhir.create(patient("NotModified")).path("id").asText();

        assertThat(fhir.get("/Patient/" + id, "If-None-Match", "W/\"1\"").status()).isEqualTo(304);
        assertThat(fhir.get("/Patient/" + id, "If-None-Match", "W/\"0\"").status()).isEqualTo(200);
    }
}
