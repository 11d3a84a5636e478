package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trust's virtual ward board: two patients in a 40-bed ward, one whose monitoring plan's pulse readings are
 * overdue. A kit sends the other's vital signs, scoring NEWS2 14 and screening high risk for sepsis: without reload,
 * the board shows the score and both alerts and moves that patient to the top. The clinician acknowledges the NEWS2
 * alert and closes it (admitted); the patient's timeline shows it with its outcome, and the sepsis alert still open.
 */
class VirtualWardBoardTest extends BrowserPageTest {

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    String ward;
    String wardName = "Respiratory Virtual Ward " + UUID.randomUUID().toString().substring(0, 6);
    String steady;
    String unwell;
    String kit;

    @BeforeEach
    void aWardWithTwoPatients() {
        String trust = fhir.get("/Organization?identifier=" + ODS + "|RYY").matchIds().stream().findFirst().orElseGet(() -> fhir.create(FhirClient.parse(
                "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"" + ODS + "\",\"value\":\"RYY\"}],\"name\":\"Demo Hospital Trust\"}")).path("id").asText());
        ward = fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"" + wardName + "\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/location-type\",\"code\":\"virtual-ward\"}]}],\"managingOrganization\":{\"reference\":\"Organization/"
                + trust + "\"},\"extension\":[{\"url\":\"https://fhir.joinedup.nhs.uk/StructureDefinition/bed-capacity\",\"valueInteger\":40}]}")).path("id").asText();
        steady = admit(trust, "Steady", Instant.now().minus(6, ChronoUnit.HOURS));
        unwell = admit(trust, "Unwell", Instant.now().minus(1, ChronoUnit.HOURS));
        fhir.create(FhirClient.parse("{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"title\":\"Monitoring plan\",\"subject\":"
                + "{\"reference\":\"Patient/" + steady + "\"},\"activity\":[{\"detail\":{\"status\":\"scheduled\",\"code\":{\"text\":\"Pulse\",\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"8867-4\"}]},\"scheduledTiming\":{\"repeat\":{\"frequency\":1,\"period\":4,\"periodUnit\":\"h\"}}}}]}"));
        kit = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + unwell + "\"}}"))
                .path("id").asText();
    }

    private String admit(String trust, String family, Instant since) {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Val\"]}]}"))
                .path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"Encounter\",\"status\":\"in-progress\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                + "v3-ActCode\",\"code\":\"VR\",\"display\":\"virtual\"},\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"serviceProvider\":{\"reference\":"
                + "\"Organization/" + trust + "\"},\"location\":[{\"location\":{\"reference\":\"Location/" + ward + "\"}}],\"period\":{\"start\":\""
                + since.truncatedTo(ChronoUnit.SECONDS) + "\"}}"));
        return patient;
    }

    @Test
    void theBoardShowsANewScoreAndItsAlertsLiveWithTheSickestFirst() throws Exception {
        Page page = signedIn("hospital.clinician");
        page.navigate("/staff/wards");
        page.getByText(wardName).click();
        assertThat(page.locator("#occupancy")).hasText("2 of 40 beds occupied");
        assertThat(page.locator("#beds tbody tr").first()).containsText("STEADY, Val");
        assertThat(page.locator("#beds")).containsText("Pulse: due every 4 h, none since admission");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.waitForFunction("() => window.htmx !== undefined");

        String at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices/events"))
                .header("Authorization", "Bearer " + Tokens.system(port)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"id\":\"set-1\",\"device\":\"" + kit + "\",\"type\":\"vital-signs\",\"at\":\"" + at
                        + "\",\"readings\":{\"respiration-rate\":25,\"spo2\":91,\"oxygen\":false,\"systolic\":90,\"diastolic\":50,\"pulse\":131,"
                        + "\"temperature\":39.1,\"acvpu\":\"A\"}}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.body()).contains("\"accepted\":1");

        var first = page.locator("#beds tbody tr").first();
        // without reload: scored in the background, the alerts raised after, each telling the board (allow for a slow machine)
        assertThat(first).containsText("UNWELL, Val", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(first).containsText("High clinical risk (3 in a single parameter), ");
        assertThat(first).containsText("NEWS2: Score 14 (high risk)");
        assertThat(first).containsText("Sepsis: High risk of sepsis if infection is suspected",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/virtual-ward-board.png")).setFullPage(true));

        page.getByText("name", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#beds tbody tr").first()).containsText("STEADY, Val");

        // the clinician takes the NEWS2 alert and closes it with an outcome; the timeline says so
        page.locator("#beds").getByRole(com.microsoft.playwright.options.AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("Score 14"))).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
        page.getByLabel("Admitted").check();
        page.getByLabel("Note (optional)").fill("Seen at home by the hospital at home team; admitted to the acute medical unit");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the alert")).click();
        assertThat(page.locator("#result")).hasText("The alert is closed.");
        page.navigate("/staff/patients/" + unwell + "/timeline");
        assertThat(page.locator("#timeline")).containsText("NEWS2 alert: Score 14 (high risk)");
        assertThat(page.locator("#timeline")).containsText("Outcome: Admitted – Seen at home");
        assertThat(page.locator("#timeline")).containsText("Sepsis alert: High risk of sepsis if infection is suspected (open)");
    }
}
