package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.joinedup.fhir.internal.TestData;
import org.joinedup.fhir.internal.json.FhirJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Synthea sample (20 patients, 46,319 resources; testdata/synthea) loads as it is published: the
 * practitioner and hospital batches, then one transaction per patient, with conditional references to
 * practitioners, organisations and locations. Afterwards each type has grown by its count in the Bundles.
 */
@FhirTest
class SyntheaLoadTest {

    @LocalServerPort
    int port;

    @Test
    void theSampleLoadsAndCountsPerTypeMatchTheBundles() {
        FhirClient fhir = new FhirClient(port);
        Map<String, Integer> expected = new TreeMap<>();
        for (Path file : TestData.syntheaFiles()) {
            FhirJson.parseObject(TestData.gunzip(file)).path("entry")
                    .forEach(entry -> expected.merge(entry.path("resource").path("resourceType").asText(), 1, Integer::sum));
        }
        Map<String, Integer> before = counts(fhir, expected);

        for (Path file : TestData.syntheaFiles()) {
            FhirClient.Response response = fhir.post("", TestData.gunzip(file));
            assertThat(response.status()).as(file.getFileName() + ": " + response.body()).isEqualTo(200);
            for (JsonNode entry : response.json().path("entry")) {
                assertThat(entry.path("response").path("status").asText()).as(file.getFileName().toString()).isEqualTo("201 Created");
            }
        }

        Map<String, Integer> after = counts(fhir, expected);
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((type, count) -> added.put(type, count - before.get(type)));
        assertThat(added).isEqualTo(expected);
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(46_319);

        // The Bundles' conditional references (Practitioner?identifier=...) now point at the stored practitioners.
        JsonNode encounter = fhir.get("/Encounter?_count=1&participant:missing=false").resources().getFirst();
        String practitioner = encounter.path("participant").get(0).path("individual").path("reference").asText();
        assertThat(practitioner).matches("Practitioner/[0-9a-f-]+");
        assertThat(fhir.get("/" + practitioner).status()).isEqualTo(200);
        String npi = fhir.get("/" + practitioner).json().path("identifier").get(0).path("value").asText();
        assertThat(fhir.get("/Encounter?practitioner.identifier=http://hl7.org/fhir/sid/us-npi|" + npi).matchIds()).isNotEmpty();
    }

    private static Map<String, Integer> counts(FhirClient fhir, Map<String, Integer> types) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String type : types.keySet()) {
            counts.put(type, fhir.get("/" + type + "?_summary=count").json().path("total").asInt());
        }
        return counts;
    }
}
