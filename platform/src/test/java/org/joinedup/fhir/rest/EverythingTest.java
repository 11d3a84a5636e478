package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirTest
class EverythingTest {

    @LocalServerPort
    int port;
    FhirClient fhir;
    String patient;
    String gp;
    String other;

    @BeforeEach
    void record() {
        fhir = new FhirClient(port);
        gp = fhir.create(FhirClient.parse("{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Gp\"}]}")).path("id").asText();
        patient = fhir.create(FhirClient.parse("""
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}],
                 "generalPractitioner":[{"reference":"Practitioner/%s"}]}""".formatted(uniqueNhsNumber(), gp))).path("id").asText();
        other = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
        for (int i = 0; i < 5; i++) {
            fhir.create(FhirClient.parse("""
                    {"resourceType":"Observation","status":"final","code":{"text":"e%d"},"subject":{"reference":"Patient/%s"}}""".formatted(i, patient)));
        }
        fhir.create(FhirClient.parse("""
                {"resourceType":"Condition","subject":{"reference":"Patient/%s"},"code":{"text":"asthma"}}""".formatted(patient)));
        fhir.create(FhirClient.parse("""
                {"resourceType":"Observation","status":"final","code":{"text":"not mine"},"subject":{"reference":"Patient/%s"}}""".formatted(other)));
    }

    static String uniqueNhsNumber() {
        while (true) {
            String candidate = "999" + String.format("%06d", (int) (Math.random() * 1_000_000));
            for (int check = 0; check <= 9; check++) {
                if (org.joinedup.shared.NhsNumber.isValid(candidate + check)) {
                    return candidate + check;
                }
            }
        }
    }

    private static List<String> types(FhirClient.Response response) {
        List<String> types = new ArrayList<>();
        response.resources().forEach(r -> types.add(r.path("resourceType").asText()));
        return types;
    }

    @Test
    void everythingReturnsThePatientsCompartmentAndWhatItRefersTo() {
        FhirClient.Response everything = fhir.get("/Patient/" + patient + "/$everything");

        assertThat(everything.status()).isEqualTo(200);
        assertThat(types(everything)).containsExactlyInAnyOrder("Patient", "Observation", "Observation", "Observation",
                "Observation", "Observation", "Condition", "Practitioner");
        assertThat(everything.json().path("total").asInt()).isEqualTo(7);
        assertThat(everything.body()).doesNotContain("not mine");
    }

    @Test
    void everythingPagesAndFiltersByType() {
        FhirClient.Response first = fhir.get("/Patient/" + patient + "/$everything?_count=4&_type=Observation,Condition");
        FhirClient.Response second = fhir.get(first.link("next"));

        assertThat(first.matchIds()).hasSize(4);
        assertThat(second.matchIds()).hasSize(2);
        assertThat(second.link("next")).isNull();
        assertThat(types(first)).doesNotContain("Patient", "Practitioner");
    }

    @Test
    void everythingFindsThePatientByNhsNumber() {
        String nhsNumber = fhir.get("/Patient/" + patient).json().path("identifier").get(0).path("value").asText();

        FhirClient.Response everything = fhir.get("/Patient/$everything?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhsNumber);

        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.matchIds()).contains(patient);
        assertThat(fhir.get("/Patient/$everything?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009").status()).isEqualTo(404);
    }

    @Test
    void sinceLeavesOutOlderResources() {
        assertThat(fhir.get("/Patient/" + patient + "/$everything?_since=2999-01-01").matchIds()).isEmpty();
    }
}
