package org.joinedup.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Log lines never carry NHS numbers or patients' names, on success or failure: the audit is the place for them. */
@ExtendWith(OutputCaptureExtension.class)
class NothingSensitiveInLogsTest extends FhirApiTest {

    @Test
    void writesSearchesRefusalsAndErrorsLogNoNhsNumberOrName(CapturedOutput output) {
        fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Zebedee-Logcheck\"}],\"identifier\":[{"
                + "\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000068\"}]}"));
        fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000068&name=Zebedee-Logcheck");
        fhir.post("/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Zebedee-Logcheck\"}],\"identifier\":[{"
                + "\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000061\"}]}");
        fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000068&unknown-parameter=Zebedee-Logcheck");
        fhir.as("garbage").get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000068");
        fhir.post("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\","
                + "\"name\":[{\"family\":\"Zebedee-Logcheck\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/none\"}},"
                + "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}");

        assertThat(output.getAll()).doesNotContain("9000000068").doesNotContain("9000000061").doesNotContain("Zebedee");
    }
}
