package org.joinedup.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FHIR Bulk Data export (IG v2): kick-off with {@code Prefer: respond-async}, status polling, a manifest, NDJSON files
 * downloaded with the client's token; at Group and Patient level, {@code _type}, {@code _since} and {@code _typeFilter};
 * refusals with OperationOutcomes; files only for the client that asked; cancelling.
 */
class BulkExportTest extends FhirApiTest {

    private String family;
    private String ann;
    private String bob;
    private String group;

    @BeforeEach
    void twoPatientsWithAnObservationEachInAGroup() {
        family = "Bulk" + UUID.randomUUID().toString().substring(0, 8);
        ann = patient("Ann");
        bob = patient("Bob");
        patient("Cy"); // not in the group
        for (String patient : List.of(ann, bob)) {
            fhir.create(FhirClient.parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                    + "\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"valueQuantity\":{\"value\":72}}"));
        }
        group = fhir.create(FhirClient.parse("{\"resourceType\":\"Group\",\"type\":\"person\",\"actual\":true,\"member\":[{\"entity\":{\"reference\":\"Patient/"
                + ann + "\"}},{\"entity\":{\"reference\":\"Patient/" + bob + "\"}}]}")).path("id").asText();
    }

    @Test
    void aGroupsPatientsAndTheirObservationsAreExportedAsNdjsonFilesListedInTheManifest() throws Exception {
        JsonNode manifest = exported("/Group/" + group + "/$export?_type=Patient,Observation");

        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("request").asText()).endsWith("/Group/" + group + "/$export?_type=Patient%2CObservation");
        assertThat(ids(manifest, "Patient")).containsExactlyInAnyOrder(ann, bob);
        assertThat(lines(manifest, "Observation")).hasSize(2)
                .allSatisfy(observation -> assertThat(observation.at("/subject/reference").asText()).isIn("Patient/" + ann, "Patient/" + bob));
        assertThat(manifest.path("output").findValuesAsText("type")).containsOnly("Patient", "Observation");
    }

    @Test
    void aPatientLevelExportTakesOnlyWhatChangedSinceAndWhatTheTypeFiltersMatch() throws Exception {
        Instant before = Instant.now().minusSeconds(120);
        JsonNode manifest = exported("/Patient/$export?_type=Patient&_since=" + before + "&_typeFilter=" + encode("Patient?family=" + family + "&given=Ann,Bob"));

        assertThat(ids(manifest, "Patient")).containsExactlyInAnyOrder(ann, bob);

        JsonNode later = exported("/Patient/$export?_type=Patient&_since=" + Instant.now().plusSeconds(60) + "&_typeFilter=" + encode("Patient?family=" + family));
        assertThat(later.path("output")).isEmpty();
    }

    @Test
    void aSearchTheStoreRefusesEndsUpInTheErrorFileAndTheRestIsExported() throws Exception {
        JsonNode manifest = exported("/Group/" + group + "/$export?_type=Patient,Observation&_typeFilter=" + encode("Observation?colour=blue"));

        assertThat(ids(manifest, "Patient")).containsExactlyInAnyOrder(ann, bob);
        assertThat(manifest.path("error")).hasSize(1);
        JsonNode outcome = download(manifest.path("error").get(0).path("url").asText()).getFirst();
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.toString()).contains("colour");
    }

    @Test
    void aKickOffWithoutRespondAsyncOrWithABadParameterOrFromAClientWithoutTheScopeIsRefusedSayingWhy() {
        assertThat(fhir.get("/$export").body()).contains("Prefer: respond-async");
        FhirClient.Response badType = fhir.get("/$export?_type=Unicorn", "Prefer", "respond-async");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("OperationOutcome").contains("Unicorn");
        assertThat(fhir.get("/$export?_since=yesterday", "Prefer", "respond-async").body()).contains("_since is an instant");
        assertThat(fhir.get("/$export?_outputFormat=text/csv", "Prefer", "respond-async").status()).isEqualTo(400);

        String feed = Tokens.clientCredentials(port, "observation-feed", "feed-secret", "system/Observation.cruds").path("access_token").asText();
        FhirClient.Response refused = fhir.as(feed).get("/$export?_type=Patient", "Prefer", "respond-async");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Patient");
    }

    @Test
    void onlyTheClientThatAskedMayPollOrDownloadAndACancelledExportIsGone() throws Exception {
        String status = kickOff("/Group/" + group + "/$export?_type=Patient");
        JsonNode manifest = poll(status);
        String reader = Tokens.clientCredentials(port, "reader", "reader-secret", "system/*.rs").path("access_token").asText();

        assertThat(fhir.as(reader).get(status).status()).isEqualTo(404);
        assertThat(fhir.as(reader).get(local(manifest.at("/output/0/url").asText())).status()).isEqualTo(404);

        assertThat(fhir.delete(status).status()).isEqualTo(202);
        assertThat(fhir.get(status).status()).isEqualTo(404);
        assertThat(fhir.get(local(manifest.at("/output/0/url").asText())).status()).isEqualTo(404);
    }

    private String patient(String given) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\"" + given + "\"]}]}"))
                .path("id").asText();
    }

    private JsonNode exported(String kickOff) throws InterruptedException {
        return poll(kickOff(kickOff));
    }

    /** The kick-off's status address, below the base. */
    private String kickOff(String path) {
        FhirClient.Response accepted = fhir.get(path, "Prefer", "respond-async", "Accept", "application/fhir+json");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return local(accepted.header("Content-Location"));
    }

    private JsonNode poll(String status) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            FhirClient.Response answer = fhir.get(status);
            if (answer.status() == 200) {
                assertThat(answer.header("Expires")).isNotBlank();
                return answer.json();
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(answer.header("X-Progress")).isNotBlank();
            Thread.sleep(200);
        }
        throw new AssertionError("The export did not complete within a minute");
    }

    private List<JsonNode> lines(JsonNode manifest, String type) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode output : manifest.path("output")) {
            if (output.path("type").asText().equals(type)) {
                List<JsonNode> file = download(output.path("url").asText());
                assertThat(file).hasSize(output.path("count").asInt());
                lines.addAll(file);
            }
        }
        return lines;
    }

    private List<String> ids(JsonNode manifest, String type) throws Exception {
        return lines(manifest, type).stream().map(r -> r.path("id").asText()).toList();
    }

    private List<JsonNode> download(String url) throws Exception {
        FhirClient.Response file = fhir.get(local(url), "Accept", "application/fhir+ndjson");
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("application/fhir+ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : file.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(FhirClient.JSON.readTree(line));
            }
        }
        return lines;
    }

    /** An address the manifest gives (on the configured base) as a path below this server's base. */
    private static String local(String url) {
        return url.replaceFirst("^.*?/fhir", "");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
