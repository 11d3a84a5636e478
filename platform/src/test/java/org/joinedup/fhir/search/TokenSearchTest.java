package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Token parameters: code, system|code, |code, system|, :not, :text, :of-type, booleans and bound codes. */
@FhirTest
class TokenSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String glucose;
    String pulse;
    String noSystem;

    @BeforeEach
    void observations() {
        data = new Tagged(new FhirClient(port));
        glucose = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2345-7",
                 "display":"Glucose [Mass/volume] in Serum or Plasma"}],"text":"Blood sugar"}}""");
        pulse = data.create("""
                {"resourceType":"Observation","status":"amended","code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"},
                 {"system":"http://snomed.info/sct","code":"364075005","display":"Heart rate"}]}}""");
        noSystem = data.create("""
                {"resourceType":"Observation","status":"final","code":{"coding":[{"code":"2345-7"}]}}""");
    }

    @Test
    void aCodeAloneMatchesItInAnySystem() {
        assertThat(data.search("Observation?code=2345-7")).containsExactlyInAnyOrder(glucose, noSystem);
    }

    @Test
    void systemAndCodeMustBothMatch() {
        assertThat(data.search("Observation?code=http://loinc.org|2345-7")).containsExactly(glucose);
        assertThat(data.search("Observation?code=http://snomed.info/sct|8867-4")).isEmpty();
        assertThat(data.search("Observation?code=http://snomed.info/sct|364075005")).containsExactly(pulse);
    }

    @Test
    void aBarWithNoSystemMatchesCodesWithoutOne() {
        assertThat(data.search("Observation?code=|2345-7")).containsExactly(noSystem);
    }

    @Test
    void aSystemWithABarMatchesAnyCodeInIt() {
        assertThat(data.search("Observation?code=http://snomed.info/sct|")).containsExactly(pulse);
    }

    @Test
    void notExcludesMatchesAndKeepsResourcesWithoutTheValue() {
        assertThat(data.search("Observation?status:not=final")).containsExactly(pulse);
        assertThat(data.search("Observation?code:not=2345-7")).containsExactly(pulse);
    }

    @Test
    void textMatchesDisplayAndConceptTextWords() {
        assertThat(data.search("Observation?code:text=glucose")).containsExactly(glucose);
        assertThat(data.search("Observation?code:text=sugar")).containsExactly(glucose);
        assertThat(data.search("Observation?code:text=heart")).containsExactly(pulse);
    }

    @Test
    void codesBoundToAFhirValueSetCarryTheirSystem() {
        String female = data.create("{\"resourceType\":\"Patient\",\"gender\":\"female\",\"active\":true}");
        data.create("{\"resourceType\":\"Patient\",\"gender\":\"male\",\"active\":false}");

        assertThat(data.search("Patient?gender=female")).containsExactly(female);
        assertThat(data.search("Patient?gender=http://hl7.org/fhir/administrative-gender|female")).containsExactly(female);
        assertThat(data.search("Patient?active=true")).containsExactly(female);
        assertThat(data.search("Observation?status=http://hl7.org/fhir/observation-status|amended")).containsExactly(pulse);
    }

    @Test
    void identifiersMatchBySystemAndValueAndByType() {
        String mrn = data.create("""
                {"resourceType":"Patient","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                 "system":"urn:hospital:rbs","value":"RBS123"},{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}]}""");

        assertThat(data.search("Patient?identifier=urn:hospital:rbs|RBS123")).containsExactly(mrn);
        assertThat(data.search("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919")).containsExactly(mrn);
        assertThat(data.search("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|RBS123")).containsExactly(mrn);
        assertThat(data.search("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|NH|RBS123")).isEmpty();
    }

    @Test
    void telecomMatchesTheValue() {
        String phone = data.create("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"phone\",\"value\":\"0113 496 0000\"},"
                + "{\"system\":\"email\",\"value\":\"a@example.org\"}]}");
        assertThat(data.search("Patient?phone=0113 496 0000")).containsExactly(phone);
        assertThat(data.search("Patient?email=a@example.org")).containsExactly(phone);
        assertThat(data.search("Patient?phone=a@example.org")).isEmpty();
    }
}
