package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Numbers are as precise as written ({@code 0.1} means [0.05, 0.15)); quantities add system and code or unit. */
@FhirTest
class NumberAndQuantitySearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String patient;

    @BeforeEach
    void setUp() {
        data = new Tagged(new FhirClient(port));
        patient = data.create("{\"resourceType\":\"Patient\"}");
    }

    private String risk(String probability) {
        return data.create("""
                {"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/%s"},
                 "prediction":[{"probabilityDecimal":%s}]}""".formatted(patient, probability));
    }

    private String quantity(String value, String unit) {
        return data.create("""
                {"resourceType":"Observation","status":"final","code":{"text":"q"},
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}""".formatted(value, unit, unit));
    }

    @Test
    void numbersMatchWithinThePrecisionWritten() {
        String tenth = risk("0.1");
        String fifteen = risk("0.15");
        String half = risk("0.5");

        assertThat(data.search("RiskAssessment?probability=0.1")).containsExactly(tenth);
        assertThat(data.search("RiskAssessment?probability=0.10")).containsExactly(tenth);
        assertThat(data.search("RiskAssessment?probability=gt0.1")).containsExactlyInAnyOrder(fifteen, half);
        assertThat(data.search("RiskAssessment?probability=ge0.15")).containsExactlyInAnyOrder(fifteen, half);
        assertThat(data.search("RiskAssessment?probability=lt0.5")).containsExactlyInAnyOrder(tenth, fifteen);
        assertThat(data.search("RiskAssessment?probability=le0.1")).containsExactly(tenth);
        assertThat(data.search("RiskAssessment?probability=ne0.1")).containsExactlyInAnyOrder(fifteen, half);
        assertThat(data.search("RiskAssessment?probability=ap0.5")).containsExactly(half);
    }

    @Test
    void quantitiesMatchValueAndOptionallySystemAndCodeOrUnit() {
        String sugar = quantity("5.4", "mmol/L");
        String pressure = quantity("120", "mm[Hg]");
        String glucose = quantity("100", "mg/dL");

        assertThat(data.search("Observation?value-quantity=5.4")).containsExactly(sugar);
        assertThat(data.search("Observation?value-quantity=5.4|http://unitsofmeasure.org|mmol/L")).containsExactly(sugar);
        assertThat(data.search("Observation?value-quantity=5.4||mmol/L")).containsExactly(sugar);
        assertThat(data.search("Observation?value-quantity=5.4|http://unitsofmeasure.org|mg/dL")).isEmpty();
        assertThat(data.search("Observation?value-quantity=gt100")).containsExactly(pressure);
        assertThat(data.search("Observation?value-quantity=ge100||mg/dL")).containsExactly(glucose);
        assertThat(data.search("Observation?value-quantity=lt10,gt110")).containsExactlyInAnyOrder(sugar, pressure);
    }
}
