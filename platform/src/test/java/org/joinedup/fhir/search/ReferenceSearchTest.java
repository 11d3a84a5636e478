package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reference parameters: Type/id, id, :Type, full URL, :identifier, external URLs, canonicals, :missing. */
@FhirTest
class ReferenceSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String ann;
    String bob;
    String annsObservation;
    String bobsObservation;

    @BeforeEach
    void setUp() {
        data = new Tagged(new FhirClient(port));
        ann = data.create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Ann\"}]}");
        bob = data.create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bob\"}]}");
        annsObservation = observation("{\"reference\":\"Patient/" + ann + "\"}");
        bobsObservation = observation("{\"reference\":\"http://localhost:8080/fhir/Patient/" + bob + "\"}");
    }

    private String observation(String subject) {
        return data.create("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"r\"},\"subject\":" + subject + "}");
    }

    @Test
    void typeAndIdOrIdAloneFindTheReferringResources() {
        assertThat(data.search("Observation?subject=Patient/" + ann)).containsExactly(annsObservation);
        assertThat(data.search("Observation?subject=" + ann)).containsExactly(annsObservation);
        assertThat(data.search("Observation?subject:Patient=" + ann)).containsExactly(annsObservation);
        assertThat(data.search("Observation?patient=" + ann)).containsExactly(annsObservation);
        assertThat(data.search("Observation?subject:Group=" + ann)).isEmpty();
    }

    @Test
    void absoluteReferencesToThisServerAreLocal() {
        assertThat(data.search("Observation?patient=" + bob)).containsExactly(bobsObservation);
        assertThat(data.search("Observation?subject=http://localhost:8080/fhir/Patient/" + ann)).containsExactly(annsObservation);
    }

    @Test
    void externalAndLogicalReferencesAreSearchable() {
        String external = observation("{\"reference\":\"https://other.nhs.uk/fhir/Patient/77\"}");
        String logical = observation("{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9434765919\"}}");
        String none = data.create("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"none\"}}");

        assertThat(data.search("Observation?subject=https://other.nhs.uk/fhir/Patient/77")).containsExactly(external);
        assertThat(data.search("Observation?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919")).containsExactly(logical);
        assertThat(data.search("Observation?subject:missing=true")).containsExactly(none);
    }

    @Test
    void canonicalReferencesMatchByUrlWhateverTheVersion() {
        String response = data.create("""
                {"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"https://joinedup.nhs.uk/Questionnaire/preop|2"}""");

        assertThat(data.search("QuestionnaireResponse?questionnaire=https://joinedup.nhs.uk/Questionnaire/preop")).containsExactly(response);
        assertThat(data.search("QuestionnaireResponse?questionnaire=https://joinedup.nhs.uk/Questionnaire/preop|2")).containsExactly(response);
    }
}
