package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirTest
class UriAndCompositeSearchTest {

    @LocalServerPort
    int port;
    Tagged data;

    @BeforeEach
    void setUp() {
        data = new Tagged(new FhirClient(port));
    }

    @Test
    void urisMatchExactlyOrAboveOrBelow() {
        String parent = data.create("{\"resourceType\":\"ValueSet\",\"status\":\"active\",\"url\":\"https://example.nhs.uk/ValueSet/a\"}");
        String child = data.create("{\"resourceType\":\"ValueSet\",\"status\":\"active\",\"url\":\"https://example.nhs.uk/ValueSet/a/b\"}");

        assertThat(data.search("ValueSet?url=https://example.nhs.uk/ValueSet/a")).containsExactly(parent);
        assertThat(data.search("ValueSet?url:below=https://example.nhs.uk/ValueSet")).containsExactlyInAnyOrder(parent, child);
        assertThat(data.search("ValueSet?url:above=https://example.nhs.uk/ValueSet/a/b/c")).containsExactlyInAnyOrder(parent, child);
    }

    @Test
    void compositesPairValuesFromTheSameComponent() {
        String pressure = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
                 "component":[
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":120,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""");
        String sugar = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}]},
                 "valueQuantity":{"value":5.4,"system":"http://unitsofmeasure.org","code":"mmol/L"}}""");

        assertThat(data.search("Observation?component-code-value-quantity=http://loinc.org|8480-6$gt100")).containsExactly(pressure);
        assertThat(data.search("Observation?component-code-value-quantity=http://loinc.org|8462-4$gt100")).isEmpty();
        assertThat(data.search("Observation?combo-code-value-quantity=8462-4$80")).containsExactly(pressure);
        assertThat(data.search("Observation?code-value-quantity=2345-7$5.4|http://unitsofmeasure.org|mmol/L")).containsExactly(sugar);
        assertThat(data.search("Observation?code-value-quantity=2345-7$lt5")).isEmpty();
    }

    @Test
    void compositesOfCodeWithConceptDateAndString() {
        String smoker = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},
                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77176002"}],"text":"Smoker"}}""");
        String onset = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"11368-8"}]},
                 "valueDateTime":"2023-06-15"}""");
        String note = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8251-1"}]},
                 "valueString":"Feeling much better"}""");

        assertThat(data.search("Observation?code-value-concept=http://loinc.org|72166-2$http://snomed.info/sct|77176002")).containsExactly(smoker);
        assertThat(data.search("Observation?code-value-concept=72166-2$266919005")).isEmpty();
        assertThat(data.search("Observation?code-value-date=11368-8$2023")).containsExactly(onset);
        assertThat(data.search("Observation?code-value-date=11368-8$gt2024")).isEmpty();
        assertThat(data.search("Observation?code-value-string=8251-1$feeling")).containsExactly(note);
    }
}
