package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear OperationOutcome with the right status, and nothing is written. */
class ErrorHandlingTest extends FhirApiTest {

    private static String diagnostics(FhirClient.Response response) {
        JsonNode outcome = response.json();
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        return outcome.path("issue").get(0).path("diagnostics").asText();
    }

    private int patientsNamed(String family) {
        return fhir.get("/Patient?family:exact=" + family).matchIds().size();
    }

    @Test
    void malformedJsonIs400AndSaysWhere() {
        FhirClient.Response response = fhir.send("POST", "/Patient", "application/fhir+json",
                "{\"resourceType\":\"Patient\", \"name\": [".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(diagnostics(response)).contains("not valid JSON").contains("line 1");
    }

    @Test
    void malformedXmlIs400() {
        FhirClient.Response response = fhir.send("POST", "/Patient", "application/fhir+xml",
                "<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"female\"></Patient>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(diagnostics(response)).contains("XML");
    }

    @Test
    void xmlWithAnUnknownElementIs400NotSilentlyDropped() {
        FhirClient.Response response = fhir.send("POST", "/Patient", "application/fhir+xml",
                "<Patient xmlns=\"http://hl7.org/fhir\"><gendr value=\"female\"/></Patient>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aBodyOfAnotherTypeThanTheUrlIs400() {
        FhirClient.Response response = fhir.post("/Patient", "{\"resourceType\":\"Practitioner\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(diagnostics(response)).contains("Practitioner").contains("Patient");
    }

    @Test
    void anUnknownResourceTypeInTheUrlIs404AndInTheBodyIs400() {
        assertThat(fhir.get("/Pateint/1").status()).isEqualTo(404);
        assertThat(diagnostics(fhir.get("/Pateint/1"))).contains("Unknown resource type");
        assertThat(fhir.post("", "{\"resourceType\":\"Pateint\"}").status()).isEqualTo(400);
    }

    @Test
    void anUnknownElementIs400AndNothingIsWritten() {
        FhirClient.Response response = fhir.post("/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Unwritten\"}],\"nmae\":1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("issue").get(0).path("expression").get(0).asText()).isEqualTo("Patient.nmae");
        assertThat(patientsNamed("Unwritten")).isZero();
    }

    @Test
    void anInvalidNhsNumberIs422NamingTheField() {
        FhirClient.Response response = fhir.post("/Patient", """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765910"}]}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("issue").get(0).path("expression").get(0).asText()).isEqualTo("Patient.identifier[0].value");
    }

    @Test
    void aReferenceToAMissingResourceIs400AndNothingIsWritten() {
        FhirClient.Response response = fhir.post("/Observation", """
                {"resourceType":"Observation","status":"final","code":{"text":"Dangling"},"subject":{"reference":"Patient/no-such-patient"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(diagnostics(response)).contains("Patient/no-such-patient").contains("does not exist");
    }

    @Test
    void aConditionalReferenceOutsideATransactionIs400() {
        FhirClient.Response response = fhir.post("/Observation", """
                {"resourceType":"Observation","status":"final","code":{"text":"c"},"subject":{"reference":"Patient?identifier=urn:x|1"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(diagnostics(response)).contains("only inside a transaction");
    }

    @Test
    void anUnsupportedMethodIs405() {
        assertThat(fhir.send("PATCH", "/Patient/_history", "application/json-patch+json", "[]".getBytes()).status()).isEqualTo(405);
    }

    @Test
    void anUnknownSearchParameterIs400UnlessHandlingIsLenient() {
        assertThat(fhir.get("/Patient?colour=blue").status()).isEqualTo(400);
        assertThat(diagnostics(fhir.get("/Patient?colour=blue"))).contains("colour");
        assertThat(fhir.get("/Patient?colour=blue&_count=1", "Prefer", "handling=lenient").status()).isEqualTo(200);
    }

    @Test
    void aBadCountIs400WhereverItIsGiven() {
        assertThat(diagnostics(fhir.get("/Patient?_count=-1"))).contains("_count");
        assertThat(diagnostics(fhir.get("/Patient/_history?_count=lots"))).contains("_count");
        assertThat(diagnostics(fhir.get("/_history?_count=-5"))).contains("_count");
    }

    @Test
    void anUnsupportedModifierOrMalformedValueIs400() {
        assertThat(diagnostics(fhir.get("/Patient?gender:below=male"))).contains(":below");
        assertThat(diagnostics(fhir.get("/Patient?birthdate=yesterday"))).contains("yesterday");
        assertThat(fhir.get("/Observation?value-quantity=lots").status()).isEqualTo(400);
    }
}
