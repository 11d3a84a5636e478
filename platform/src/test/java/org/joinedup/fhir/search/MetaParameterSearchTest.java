package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The parameters every resource has: _id, _tag, _profile, _security, _source. */
@FhirTest
class MetaParameterSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String labelled;
    String plain;

    @BeforeEach
    void setUp() {
        data = new Tagged(new FhirClient(port));
        labelled = data.create("""
                {"resourceType":"Condition","subject":{"reference":"Patient/%s"},"code":{"text":"m"},
                 "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition"],
                  "security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}],
                  "source":"https://feeds.joinedup.nhs.uk/rbs#msg-1"}}""".formatted(data.create("{\"resourceType\":\"Patient\"}")));
        plain = data.create("""
                {"resourceType":"Condition","subject":{"reference":"Patient/%s"},"code":{"text":"m"}}"""
                .formatted(data.create("{\"resourceType\":\"Patient\"}")));
    }

    @Test
    void profileSecurityAndSourceAreSearchable() {
        assertThat(data.search("Condition?_profile=https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition")).containsExactly(labelled);
        assertThat(data.search("Condition?_security=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R")).containsExactly(labelled);
        assertThat(data.search("Condition?_security:not=R")).containsExactly(plain);
        assertThat(data.search("Condition?_source=https://feeds.joinedup.nhs.uk/rbs#msg-1".replace("#", "%23"))).containsExactly(labelled);
        assertThat(data.search("Condition?_profile:missing=true")).containsExactly(plain);
    }

    @Test
    void idMatchesAndExcludes() {
        assertThat(data.search("Condition?_id=" + labelled + "," + plain)).containsExactlyInAnyOrder(labelled, plain);
        assertThat(data.search("Condition?_id:not=" + labelled)).containsExactly(plain);
    }
}
