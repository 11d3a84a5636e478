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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person at home with a medication dispenser run by their home care provider: the dispenser fetches today's
 * schedule from their prescriptions; one dose is taken, the next missed. The missed dose is recorded, alerts the
 * provider's carers, shows on the carers' view with the week's doses taken, and once a carer has given it and closed
 * the alert, the alert's outcome and both doses are on the person's timeline.
 */
class DispenserAlertsTest extends BrowserPageTest {

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    String person;
    String dispenser;
    String metformin;
    LocalTime missedAt;
    LocalTime takenAt;

    @BeforeEach
    void aPersonWithTwoPrescriptionsAndADispenser() throws InterruptedException {
        LocalTime now = LocalTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
        if (now.isBefore(LocalTime.of(0, 3))) {
            Thread.sleep(180_000); // the doses must both fall earlier today
            now = LocalTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
        }
        takenAt = now.minusMinutes(1);
        missedAt = now.isBefore(LocalTime.of(2, 0)) ? LocalTime.MIDNIGHT : now.minusHours(2);
        String provider = fhir.get("/Organization?identifier=" + ODS + "|VD9001").matchIds().stream().findFirst().orElseGet(() -> fhir.create(FhirClient.parse(
                "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"" + ODS + "\",\"value\":\"VD9001\"}],\"name\":\"Bolton Home Care\"}"))
                .path("id").asText());
        person = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Dosett\",\"given\":[\"Dot\"]}]}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + person + "\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + provider + "\"},\"period\":{\"start\":\"2026-01-01\"}}"));
        metformin = fhir.create(FhirClient.parse("{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\",\"authoredOn\":\"2026-01-01\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"325278007\",\"display\":\"Metformin 500mg tablets\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + person + "\"},\"dosageInstruction\":[{\"text\":\"One tablet twice a day with meals\",\"timing\":{\"repeat\":"
                + "{\"timeOfDay\":[\"" + missedAt + ":00\",\"" + takenAt + ":00\"]}},\"additionalInstruction\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                + "\"code\":\"311504000\",\"display\":\"With or after food\"}]}]}]}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\",\"medicationCodeableConcept\":{\"text\":"
                + "\"Salbutamol inhaler\"},\"subject\":{\"reference\":\"Patient/" + person + "\"},\"dosageInstruction\":[{\"text\":\"Two puffs when required\","
                + "\"asNeededBoolean\":true}]}"));
        dispenser = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"deviceName\":[{\"name\":\"Medication dispenser\",\"type\":"
                + "\"user-friendly-name\"}],\"patient\":{\"reference\":\"Patient/" + person + "\"},\"owner\":{\"reference\":\"Organization/" + provider + "\"}}"))
                .path("id").asText();
    }

    @Test
    void aMissedDoseIsRecordedAlertsTheCarersAndEndsOnTheTimelineWithItsOutcome() throws Exception {
        JsonNode schedule = FhirClient.JSON.readTree(get("/devices/" + dispenser + "/schedule").body());
        assertThat(schedule.path("doses").findValuesAsText("time")).containsExactly(missedAt.toString(), takenAt.toString());
        assertThat(schedule.at("/doses/0/medicines/0/medicationRequest").asText()).isEqualTo("MedicationRequest/" + metformin);
        assertThat(schedule.at("/doses/0/medicines/0/food").asText()).isEqualTo("with or after food");
        assertThat(schedule.at("/asNeeded/0/name").asText()).isEqualTo("Salbutamol inhaler");

        LocalDate today = LocalDate.now(LONDON);
        Instant missedDue = today.atTime(missedAt).atZone(LONDON).toInstant();
        Instant takenDue = today.atTime(takenAt).atZone(LONDON).toInstant();
        Instant missedNoticed = java.util.Collections.min(List.of(missedDue.plus(1, ChronoUnit.HOURS), Instant.now())).truncatedTo(ChronoUnit.SECONDS);
        String answer = post("{\"events\":[{\"id\":\"missed-1\",\"device\":\"" + dispenser + "\",\"type\":\"dose-missed\",\"at\":\"" + missedNoticed + "\",\"due\":\""
                + missedDue + "\",\"medicationRequests\":[\"MedicationRequest/" + metformin + "\"]},"
                + "{\"id\":\"taken-1\",\"device\":\"" + dispenser + "\",\"type\":\"dose-taken\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"due\":\""
                + takenDue + "\",\"medicationRequests\":[\"MedicationRequest/" + metformin + "\"]}]}");
        assertThat(answer).contains("\"accepted\":2");
        List<JsonNode> given = fhir.get("/MedicationAdministration?subject=Patient/" + person).resources();
        assertThat(given).extracting(a -> a.path("status").asText()).containsExactlyInAnyOrder("completed", "not-done");

        Page page = signedIn("home.carer");
        page.navigate("/staff/alerts");
        assertThat(page.locator("#open-alerts")).containsText("Medication: Dose missed (due " + missedAt + ")");
        page.navigate("/staff/medication");
        var card = page.locator("#person-" + person);
        assertThat(card).containsText("Needs attention");
        assertThat(card.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(missedAt.toString()))).containsText("Missed");
        assertThat(card.locator("tr", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(takenAt.toString()))).containsText("Taken at");
        assertThat(card).containsText("(with or after food)");
        assertThat(card).containsText("When needed: Salbutamol inhaler");
        assertThat(card).containsText("50% taken (1 of 2)");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Dose missed"))).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
        page.getByLabel("Dose given by carer").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the alert")).click();
        assertThat(page.locator("#result")).hasText("The alert is closed.");

        page.navigate("/staff/patients/" + person + "/timeline");
        assertThat(page.locator("#timeline")).containsText("Medication alert: Dose missed");
        assertThat(page.locator("#timeline")).containsText("Outcome: Dose given by carer");
        assertThat(page.locator("#timeline")).containsText("Not taken: Metformin 500mg tablets");
        assertThat(page.locator("#timeline")).containsText("Taken: Metformin 500mg tablets");
    }

    @Test
    void aDoseForAnotherPersonsPrescriptionIsRefusedAndNothingOfItsBatchIsWritten() throws Exception {
        String stranger = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Other\"}]}")).path("id").asText();
        String theirs = fhir.create(FhirClient.parse("{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\",\"medicationCodeableConcept\":"
                + "{\"text\":\"Warfarin\"},\"subject\":{\"reference\":\"Patient/" + stranger + "\"}}")).path("id").asText();
        String answer = post("{\"events\":[{\"id\":\"wrong-1\",\"device\":\"" + dispenser + "\",\"type\":\"dose-taken\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"medicationRequests\":[\"MedicationRequest/" + theirs + "\"]},{\"id\":\"bare-1\",\"device\":\"" + dispenser + "\",\"type\":\"dose-taken\",\"at\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}]}");
        assertThat(answer).contains("is not one of Patient/" + person + "'s prescriptions").contains("needs \\\"medicationRequests\\\"");
        assertThat(fhir.get("/MedicationAdministration?subject=Patient/" + person).resources()).isEmpty();
    }

    @Test
    void aRefillNeededIsRecordedAboutTheDispenserAndAlertsTheCarers() throws Exception {
        String answer = post("{\"events\":[{\"id\":\"refill-1\",\"device\":\"" + dispenser + "\",\"type\":\"refill-needed\",\"at\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"},{\"id\":\"beat-1\",\"device\":\"" + dispenser + "\",\"type\":\"heartbeat\",\"at\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}]}");
        assertThat(answer).contains("\"accepted\":2");
        List<JsonNode> about = fhir.get("/Observation?subject=Device/" + dispenser).resources();
        assertThat(about).extracting(o -> o.at("/code/coding/0/code").asText()).containsExactly("refill-needed");
        assertThat(about.getFirst().at("/focus/0/reference").asText()).isEqualTo("Patient/" + person);
        Page page = signedIn("home.carer");
        page.navigate("/staff/alerts?kind=medication");
        assertThat(page.locator("#open-alerts")).containsText("Dispenser needs a refill");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + Tokens.system(port)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String post(String batch) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/devices/events"))
                .header("Authorization", "Bearer " + Tokens.system(port)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
