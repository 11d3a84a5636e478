package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Chained parameters, reverse chaining with _has, and _include/_revinclude with :iterate. */
@FhirTest
class ChainAndIncludeTest {

    @LocalServerPort
    int port;
    Tagged data;
    String trust;
    String practitioner;
    String ann;
    String bob;
    String encounter;
    String annsGlucose;
    String bobsPulse;

    @BeforeEach
    void setUp() {
        data = new Tagged(new FhirClient(port));
        trust = data.create("{\"resourceType\":\"Organization\",\"name\":\"Leeds Teaching Hospitals\"}");
        practitioner = data.create("{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Who\"}]}");
        ann = data.create("""
                {"resourceType":"Patient","name":[{"family":"Ashworth"}],"identifier":[{"system":"urn:mrn","value":"A1"}],
                 "generalPractitioner":[{"reference":"Practitioner/%s"}]}""".formatted(practitioner));
        bob = data.create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Barker\"}]}");
        encounter = data.create("""
                {"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/%s"},
                 "serviceProvider":{"reference":"Organization/%s"}}""".formatted(ann, trust));
        annsGlucose = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}]},
                 "subject":{"reference":"Patient/%s"},"encounter":{"reference":"Encounter/%s"}}""".formatted(ann, encounter));
        bobsPulse = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                 "subject":{"reference":"Patient/%s"}}""".formatted(bob));
    }

    @Test
    void aChainSearchesThroughAReference() {
        assertThat(data.search("Observation?subject:Patient.name=ashworth")).containsExactly(annsGlucose);
        assertThat(data.search("Observation?patient.identifier=urn:mrn|A1")).containsExactly(annsGlucose);
        assertThat(data.search("Observation?patient.family=barker")).containsExactly(bobsPulse);
        assertThat(data.search("Observation?encounter.service-provider.name=leeds")).containsExactly(annsGlucose);
    }

    @Test
    void hasFindsResourcesThatOthersReferToMatchingACondition() {
        assertThat(data.search("Patient?_has:Observation:patient:code=2345-7")).containsExactly(ann);
        assertThat(data.search("Patient?_has:Observation:subject:code=8867-4")).containsExactly(bob);
        assertThat(data.search("Patient?_has:Observation:patient:code=0000-0")).isEmpty();
    }

    @Test
    void includeAddsWhatTheMatchesReferTo() {
        FhirClient.Response response = data.response("Observation?code=2345-7&_include=Observation:patient");

        assertThat(response.matchIds()).containsExactly(annsGlucose);
        assertThat(included(response)).containsExactly("Patient/" + ann);
    }

    @Test
    void includeIterateFollowsTheIncludedResourcesReferencesOnce() {
        FhirClient.Response response = data.response(
                "Observation?code=2345-7&_include=Observation:encounter&_include:iterate=Encounter:service-provider");

        assertThat(included(response)).containsExactlyInAnyOrder("Encounter/" + encounter, "Organization/" + trust);
    }

    @Test
    void includeStarAddsEveryReference() {
        assertThat(included(data.response("Observation?code=2345-7&_include=*"))).containsExactlyInAnyOrder("Patient/" + ann, "Encounter/" + encounter);
    }

    @Test
    void revincludeAddsWhatRefersToTheMatches() {
        FhirClient.Response response = data.response("Patient?_id=" + ann + "&_revinclude=Observation:subject&_revinclude=Encounter:subject");

        assertThat(response.matchIds()).containsExactly(ann);
        assertThat(included(response)).containsExactlyInAnyOrder("Observation/" + annsGlucose, "Encounter/" + encounter);
    }

    private static List<String> included(FhirClient.Response response) {
        List<String> included = new ArrayList<>();
        for (JsonNode entry : response.json().path("entry")) {
            if ("include".equals(entry.path("search").path("mode").asText())) {
                included.add(entry.path("resource").path("resourceType").asText() + "/" + entry.path("resource").path("id").asText());
            }
        }
        return included;
    }
}
