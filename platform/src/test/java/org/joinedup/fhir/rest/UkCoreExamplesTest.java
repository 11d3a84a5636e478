package org.joinedup.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.internal.TestData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every UK Core R4 example (testdata/ukcore-examples) is stored as published (as XML), reads back equal,
 * and validates against its profile. The examples refer to about 30 resources that are not published with
 * them, so this test runs with joinedup.fhir.enforce-referential-integrity=false.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "joinedup.fhir.enforce-referential-integrity=false")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UkCoreExamplesTest {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    /** Examples the store refuses, and why. */
    static final Map<String, String> REFUSED = Map.of(
            "UKCore-Patient-BabyPatient-Example.xml", "its NHS number 9912003890 fails the modulus-11 check (a known trap in the published examples)");

    /** Validation errors the published examples carry, by file, and why they are expected. */
    static final Map<String, String> EXPECTED_VALIDATION_ERRORS = Map.of(
            "UKCore-Bundle-NEWS2Observations-Example.xml",
            "the published Bundle uses relative fullUrls (Observation/...); FHIR requires absolute ones",
            "UKCore-Patient-RichardSmith-Example.xml",
            "communication.language 'bfi' (British Sign Language) is valid BCP-47, but HAPI's in-memory terminology cannot check"
                    + " BCP-47 and SNOMED codings without a terminology server",
            "UKCore-Patient-Sn-Makaton-Example.xml", "as UKCore-Patient-RichardSmith-Example.xml");

    @LocalServerPort
    int port;

    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(TestData.folder("ukcore-examples"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Order(1)
    void loadsAsPublishedAndReadsBackEqual(Path file) throws Exception {
        FhirClient fhir = new FhirClient(port);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Resource example = (Resource) CONTEXT.newXmlParser().parseResource(xml);
        String url = "/" + example.fhirType() + "/" + example.getIdElement().getIdPart();

        FhirClient.Response stored = fhir.send("PUT", url, "application/fhir+xml", xml.getBytes(StandardCharsets.UTF_8));

        String name = file.getFileName().toString();
        if (REFUSED.containsKey(name)) {
            assertThat(stored.status()).as(REFUSED.get(name)).isEqualTo(422);
            return;
        }
        assertThat(stored.status()).as(stored.body()).isIn(200, 201);
        Resource readBack = (Resource) CONTEXT.newJsonParser().parseResource(fhir.get(url).body());
        readBack.getMeta().setVersionId(null).setLastUpdated(null);
        example.getMeta().setVersionId(null).setLastUpdated(null);
        if (example.getMeta().isEmpty()) {
            example.setMeta(null);
            readBack.setMeta(readBack.getMeta().isEmpty() ? null : readBack.getMeta());
        }
        readBack.setIdElement(readBack.getIdElement().toUnqualifiedVersionless());
        example.setIdElement(example.getIdElement().toUnqualifiedVersionless());
        assertThat(readBack.equalsDeep(example)).as("read back equal: " + name).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Order(2)
    void validatesAgainstItsProfile(Path file) throws Exception {
        FhirClient fhir = new FhirClient(port);
        Resource example = (Resource) CONTEXT.newXmlParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
        String json = CONTEXT.newJsonParser().encodeResourceToString(example);

        FhirClient.Response outcome = fhir.post("/" + example.fhirType() + "/$validate", json);

        assertThat(outcome.status()).isEqualTo(200);
        List<String> errors = new ArrayList<>();
        for (JsonNode issue : outcome.json().path("issue")) {
            if (issue.path("severity").asText().equals("error") || issue.path("severity").asText().equals("fatal")) {
                errors.add(issue.path("diagnostics").asText() + " @ " + issue.path("expression"));
            }
        }
        String name = file.getFileName().toString();
        if (EXPECTED_VALIDATION_ERRORS.containsKey(name)) {
            assertThat(errors).as(EXPECTED_VALIDATION_ERRORS.get(name)).isNotEmpty();
        } else {
            assertThat(errors).as(name).isEmpty();
        }
    }
}
