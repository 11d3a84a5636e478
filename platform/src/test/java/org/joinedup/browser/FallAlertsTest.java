package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A falls lamp in a care home room sees a resident on the floor: the alert reaches the care worker's open alerts
 * page at once, without reload; she acknowledges it, records that she is with the resident, and closes it with the
 * outcome; the fall and the alert with its outcome are on the resident's record and timeline, and everything the
 * alert did is listed. The same event sent again raises nothing more.
 */
class FallAlertsTest extends BrowserPageTest {

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    String room = "Room " + UUID.randomUUID().toString().substring(0, 6);
    String resident;
    String lamp;

    @BeforeEach
    void aCareHomeRoomWithALampAndAResident() {
        String home = fhir.get("/Organization?identifier=" + ODS + "|VN9001").matchIds().stream().findFirst().orElseGet(() -> fhir.create(FhirClient.parse(
                "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"" + ODS + "\",\"value\":\"VN9001\"}],\"name\":\"Bolton Lodge Care Home\"}"))
                .path("id").asText());
        String location = fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"" + room + "\",\"managingOrganization\":{\"reference\":"
                + "\"Organization/" + home + "\"}}")).path("id").asText();
        resident = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Faller\",\"given\":[\"Flo\"]}]}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + resident + "\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + home + "\"},\"period\":{\"start\":\"2026-01-01\"}}"));
        lamp = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"deviceName\":[{\"name\":\"Falls lamp\",\"type\":"
                + "\"user-friendly-name\"}],\"patient\":{\"reference\":\"Patient/" + resident + "\"},\"owner\":{\"reference\":\"Organization/" + home + "\"},"
                + "\"location\":{\"reference\":\"Location/" + location + "\"}}")).path("id").asText();
    }

    @Test
    void aFallReachesTheCarerLiveAndIsAcknowledgedAttendedAndClosedOnTheRecord() throws Exception {
        Page page = signedIn("care.home.worker");
        page.navigate("/staff/alerts?kind=fall"); // the care home's falls board
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fall alerts"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start my shift")).click();
        assertThat(page.locator("#shift-outcome")).containsText("Your shift has started");
        page.navigate("/staff/alerts?kind=fall");
        page.waitForFunction("() => window.htmx !== undefined");

        String event = "{\"events\":[{\"id\":\"floor-1\",\"device\":\"Device/" + lamp + "\",\"type\":\"person-on-floor\",\"at\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}]}";
        assertThat(post(event).path("accepted").asInt()).isEqualTo(1);

        // no reload: the page is told by its event stream and fetches the list again
        assertThat(page.locator("#open-alerts")).containsText(room);
        assertThat(page.locator("#open-alerts")).containsText("Person on the floor");
        assertThat(page.locator("#open-alerts")).containsText("Flo");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.locator("#open-alerts").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("Person on the floor"))).first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(page.locator("#result")).hasText("You have acknowledged the alert.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I am with them")).click();
        assertThat(page.locator("#alert-status")).hasText("Someone is with them");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the alert")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose what happened");
        page.getByLabel("No injury").check();
        page.getByLabel("Note (optional)").fill("Helped back to bed, checked over");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the alert")).click();
        assertThat(page.locator("#result")).hasText("The alert is closed.");
        assertThat(page.locator("#alert-history")).containsText("acknowledged");
        assertThat(page.locator("#alert-history")).containsText("attended");
        assertThat(page.locator("#alert-history")).containsText("No injury – Helped back to bed");
        assertThat(page.locator("#alert-history")).containsText("on shift: care.home.worker");
        assertThat(page.locator("#alert-history")).not().containsText("escalated");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        List<JsonNode> falls = fhir.get("/Observation?subject=Patient/" + resident + "&code=http://snomed.info/sct|1912002").resources();
        assertThat(falls).hasSize(1);
        assertThat(falls.getFirst().at("/device/reference").asText()).isEqualTo("Device/" + lamp);
        JsonNode entry = fhir.get("/Communication?subject=Patient/" + resident).resources().getFirst();
        assertThat(entry.path("status").asText()).isEqualTo("completed");
        assertThat(entry.at("/about/0/reference").asText()).isEqualTo("Observation/" + falls.getFirst().path("id").asText());
        assertThat(entry.path("payload").toString()).contains("Acknowledged by care.home.worker").contains("Outcome: No injury");

        page.navigate("/staff/alerts/falls");
        assertThat(page.locator("#incidents")).containsText(room);
        assertThat(page.locator("#incidents")).containsText("No injury");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.navigate("/staff/patients/" + resident + "/timeline");
        assertThat(page.locator("#timeline")).containsText("Fall alert: Person on the floor");
        assertThat(page.locator("#timeline")).containsText("Outcome: No injury");
        assertThat(page.locator("#timeline")).containsText("Fall");

        assertThat(post(event).path("duplicates").asInt()).isEqualTo(1);
        Thread.sleep(300);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE source_key = ?", Integer.class, "device/" + lamp + "/floor-1")).isEqualTo(1);
    }

    @org.junit.jupiter.api.AfterEach
    void shiftsEnd() {
        jdbc.update("UPDATE alert_shift SET ended_at = now() WHERE ended_at IS NULL AND username = 'care.home.worker'");
    }

    @Test
    void aStaffMemberOfAnotherOrganisationNeitherSeesNorActsOnTheAlert() throws Exception {
        post("{\"events\":[{\"id\":\"fall-2\",\"device\":\"Device/" + lamp + "\",\"type\":\"fall-detected\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\"}]}");
        String id = Eventually.await(() -> jdbc.queryForList("SELECT id::text FROM alert WHERE source_key = ?", String.class, "device/" + lamp + "/fall-2"),
                found -> !found.isEmpty()).getFirst();

        Page page = signedIn("care.worker"); // the GP practice's care worker
        page.navigate("/staff/alerts");
        assertThat(page.locator("main")).not().containsText(room);
        var response = page.navigate("/staff/alerts/" + id);
        assertThat(response.status()).isEqualTo(404);
    }

    private JsonNode post(String batch) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices/events"))
                .header("Authorization", "Bearer " + Tokens.system(port)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FhirClient.JSON.readTree(response.body());
    }
}
