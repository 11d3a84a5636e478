package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** $validate against base R4 and UK Core, and validation of every write when joinedup.fhir.validate-on-write is on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "joinedup.fhir.validate-on-write=true")
@ActiveProfiles("test")
class ValidationTest {

    static final String UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

    @LocalServerPort
    int port;
    FhirClient fhir;

    @BeforeEach
    void client() {
        fhir = new FhirClient(port);
    }

    private static List<String> errors(FhirClient.Response outcome) {
        List<String> errors = new ArrayList<>();
        for (JsonNode issue : outcome.json().path("issue")) {
            if (issue.path("severity").asText().equals("error")) {
                errors.add(issue.path("diagnostics").asText());
            }
        }
        return errors;
    }

    /** A Patient whose NHS number identifier lacks the verification status UK Core wants, with a bad extension value. */
    static String invalidUkCorePatient() {
        return """
                {"resourceType":"Patient","meta":{"profile":["%s"]},
                 "extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory",
                   "valueString":"not a CodeableConcept"}],
                 "name":[{"family":"Valid"}],"gender":"female"}""".formatted(UK_CORE_PATIENT);
    }

    @Test
    void validateReportsProfileErrorsWithoutStoringAnything() {
        FhirClient.Response outcome = fhir.post("/Patient/$validate", invalidUkCorePatient());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(errors(outcome)).isNotEmpty();
    }

    @Test
    void aValidResourceValidatesCleanly() {
        FhirClient.Response outcome = fhir.post("/Patient/$validate", """
                {"resourceType":"Patient","meta":{"profile":["%s"]},"name":[{"family":"Valid"}],"gender":"female"}"""
                .formatted(UK_CORE_PATIENT));

        assertThat(errors(outcome)).isEmpty();
    }

    @Test
    void aProfileCanBeNamedAndParametersCarryTheResource() {
        String parameters = """
                {"resourceType":"Parameters","parameter":[
                  {"name":"resource","resource":{"resourceType":"Patient","gender":"not-a-gender"}},
                  {"name":"profile","valueUri":"%s"}]}""".formatted(UK_CORE_PATIENT);

        assertThat(errors(fhir.post("/Patient/$validate", parameters))).isNotEmpty();
    }

    @Test
    void aStoredResourceCanBeValidated() {
        String id = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"gender\":\"male\"}")).path("id").asText();

        FhirClient.Response outcome = fhir.get("/Patient/" + id + "/$validate?profile=" + UK_CORE_PATIENT);

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void validationOnWriteRefusesAResourceThatFailsItsDeclaredProfile() {
        FhirClient.Response refused = fhir.post("/Patient", invalidUkCorePatient());
        FhirClient.Response accepted = fhir.post("/Patient", """
                {"resourceType":"Patient","meta":{"profile":["%s"]},"name":[{"family":"Valid"}],"gender":"female"}"""
                .formatted(UK_CORE_PATIENT));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("issue").get(0).path("severity").asText()).isEqualTo("error");
        assertThat(accepted.status()).isEqualTo(201);
    }
}
