package org.joinedup.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A vital-signs kit registered for a patient sends its readings to {@code /devices/events}: they are written to the
 * record as Observations attributed to the kit and scored by NEWS2; the same batch sent again changes nothing; events
 * from a device not registered are refused, saying why, and kept; a client that may not record observations is
 * refused.
 */
class DeviceGatewayTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aKitsReadingsReachTheRecordOnceAndAreScored() throws Exception {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Athome\"}]}")).path("id").asText();
        String kit = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"deviceName\":[{\"name\":\"Vital signs kit\","
                + "\"type\":\"user-friendly-name\"}],\"patient\":{\"reference\":\"Patient/" + patient + "\"}}")).path("id").asText();
        String at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        String batch = "{\"events\":[{\"id\":\"reading-1\",\"device\":\"Device/" + kit + "\",\"type\":\"vital-signs\",\"at\":\"" + at + "\",\"readings\":"
                + "{\"respiration-rate\":21,\"spo2\":93,\"oxygen\":false,\"systolic\":120,\"diastolic\":60,\"pulse\":95,\"temperature\":37.5,\"acvpu\":\"A\"}}]}";

        JsonNode first = post(batch, Tokens.system(port));

        assertThat(first.path("accepted").asInt()).isEqualTo(1);
        assertThat(first.path("refused")).isEmpty();
        assertThat(fhir.get("/Observation?subject=Patient/" + patient + "&category=vital-signs").resources())
                .hasSize(7).allSatisfy(o -> assertThat(o.at("/device/reference").asText()).isEqualTo("Device/" + kit));
        JsonNode score = Eventually.await(() -> fhir.get("/Observation?subject=Patient/" + patient + "&code=http://snomed.info/sct|1104051000000101")
                .resources(), found -> !found.isEmpty()).getFirst();
        assertThat(score.at("/valueQuantity/value").asInt()).isEqualTo(5);

        JsonNode again = post(batch, Tokens.system(port));

        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Observation?subject=Patient/" + patient + "&category=vital-signs").resources()).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT written_as FROM device_event WHERE device = ? AND event_id = 'reading-1'", String.class, kit))
                .contains("Observation/");
    }

    @Test
    void aKitGivenToAnotherPatientRecordsTheirReadingsFromThen() throws Exception {
        String first = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Before\"}]}")).path("id").asText();
        String second = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"After\"}]}")).path("id").asText();
        JsonNode kit = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + first + "\"}}"));
        String id = kit.path("id").asText();
        assertThat(post(pulse(id, "handover-1"), Tokens.system(port)).path("accepted").asInt()).isEqualTo(1);

        ((com.fasterxml.jackson.databind.node.ObjectNode) kit).putObject("patient").put("reference", "Patient/" + second);
        fhir.put("/Device/" + id, kit.toString());
        Thread.sleep(1000); // the gateway forgets what it knew of the kit once the record's change feed shows the change

        assertThat(post(pulse(id, "handover-2"), Tokens.system(port)).path("accepted").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Observation?subject=Patient/" + first + "&code=http://loinc.org|8867-4").resources()).hasSize(1);
        assertThat(fhir.get("/Observation?subject=Patient/" + second + "&code=http://loinc.org|8867-4").resources()).hasSize(1);
    }

    private static String pulse(String kit, String event) {
        return "{\"events\":[{\"id\":\"" + event + "\",\"device\":\"" + kit + "\",\"type\":\"vital-signs\",\"at\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"readings\":{\"pulse\":70}}]}";
    }

    @Test
    void eventsFromAnUnregisteredDeviceOrNotUnderstoodAreRefusedSayingWhyAndKept() throws Exception {
        String stranger = "unregistered-" + UUID.randomUUID().toString().substring(0, 8);
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode answer = post("{\"events\":[{\"id\":\"fall-1\",\"device\":\"" + stranger + "\",\"type\":\"fall-detected\",\"at\":\"" + at + "\"},"
                + "{\"id\":\"odd-1\",\"device\":\"" + stranger + "\",\"type\":\"dancing\",\"at\":\"" + at + "\"}]}", Tokens.system(port));

        assertThat(answer.path("accepted").asInt()).isZero();
        assertThat(answer.path("refused").toString()).contains("is not registered in the record").contains("unknown type 'dancing'");
        assertThat(jdbc.queryForObject("SELECT refused FROM device_event WHERE device = ? AND event_id = 'fall-1'", String.class, stranger))
                .contains("not registered");
    }

    @Test
    void aClientThatMayNotRecordObservationsIsRefused() throws Exception {
        String readOnly = Tokens.clientCredentials(port, "reader", "reader-secret", "system/*.rs").path("access_token").asText();
        HttpResponse<String> refused = send("{\"events\":[]}", readOnly);
        HttpResponse<String> anonymous = send("{\"events\":[]}", null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("system/Observation.c");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotABatchIsRefusedSayingWhat() throws Exception {
        HttpResponse<String> notJson = send("{events: oops", Tokens.system(port));
        HttpResponse<String> noEvents = send("{\"events\":[]}", Tokens.system(port));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(noEvents.statusCode()).isEqualTo(400);
        assertThat(noEvents.body()).contains("an array of 1 to 5000 events");
    }

    private JsonNode post(String body, String token) throws Exception {
        HttpResponse<String> response = send(body, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FhirClient.parse(response.body());
    }

    private HttpResponse<String> send(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
