package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduler at the trust runs the day's clinic list, books, moves and cancels for a patient, works the
 * validation worklist, follows patients on patient-initiated follow-up, and reads the missed appointments report.
 */
class SchedulingPagesTest extends BrowserPageTest {

    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    String trust;
    String location;
    String patient;
    String service = "cardio-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aTrustClinicAndPatient() {
        trust = fhir.get("/Organization?identifier=" + ODS + "|RYY").matchIds().stream().findFirst().orElseGet(() -> fhir.create(FhirClient.parse(
                "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"" + ODS + "\",\"value\":\"RYY\"}],\"name\":\"Demo Hospital Trust\"}")).path("id").asText());
        location = "Location/" + fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"Heart Clinic " + service + "\"}")).path("id").asText();
        String schedule = fhir.create(FhirClient.parse("{\"resourceType\":\"Schedule\",\"active\":true,\"serviceType\":[" + serviceType() + "],"
                + "\"actor\":[{\"reference\":\"" + location + "\"},{\"reference\":\"Organization/" + trust + "\"}]}")).path("id").asText();
        for (int days = 2; days <= 3; days++) {
            Instant start = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            fhir.create(FhirClient.parse("{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/" + schedule + "\"},\"serviceType\":[" + serviceType()
                    + "],\"status\":\"free\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(15, ChronoUnit.MINUTES) + "\"}"));
        }
        patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990310912\"}],"
                + "\"name\":[{\"family\":\"Clinic\",\"given\":[\"Pat\"]}],\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"}}")).path("id").asText();
    }

    private String serviceType() {
        return "{\"coding\":[{\"system\":\"urn:test:service\",\"code\":\"" + service + "\",\"display\":\"Cardiology " + service + "\"}]}";
    }

    @Test
    void theDaysClinicListRecordsAMissedAppointmentAndTheReportCountsIt() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = start.atZone(ZoneId.of("Europe/London")).toLocalDate();
        fhir.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"serviceType\":[" + serviceType() + "],\"start\":\"" + start
                + "\",\"end\":\"" + start.plus(15, ChronoUnit.MINUTES) + "\",\"participant\":[{\"status\":\"accepted\",\"actor\":{\"reference\":\"Patient/" + patient
                + "\"}},{\"status\":\"accepted\",\"actor\":{\"reference\":\"" + location + "\"}}]}"));

        Page page = signedIn("scheduler");
        page.navigate("/staff/clinics?location=" + location + "&date=" + day);
        assertThat(page.locator("#appointments")).containsText("CLINIC, Pat");
        assertThat(page.locator("#appointments")).containsText("999 031 0912");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Did not attend: CLINIC, Pat").setExact(false)).click();
        assertThat(page.locator("#outcome")).hasText("Recorded: Did not attend");
        assertThat(page.locator("#appointments")).containsText("Did not attend");
        // the README's screenshot of a clinic list (copied to docs/ by hand when the page changes)
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/clinic-list.png")).setFullPage(true));

        page.navigate("/staff/reports/appointments");
        assertThat(page.locator("#attendance")).containsText("Cardiology " + service);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        String report = fhir.get("/Appointment/$attendance-report").body();
        assertThat(report).contains("Cardiology " + service).contains("\"name\":\"missed\",\"valueInteger\":1");
    }

    @Test
    void aSchedulerBooksMovesAndCancelsForAPatientWithAReasonRequired() {
        Page page = signedIn("scheduler");
        page.navigate("/staff/patients/" + patient + "/appointments?service=urn:test:service|" + service);
        assertThat(page.locator("#free-slots li")).hasCount(2);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.locator("#free-slots button").first().click();
        assertThat(page.locator("#outcome")).hasText("The appointment is booked.");
        assertThat(page.locator("#appointments")).containsText("Booked");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Move the appointment").setExact(false)).click();
        page.getByLabel("Service").selectOption("urn:test:service|" + service);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find free times")).click();
        page.locator("#free-slots button").first().click();
        assertThat(page.locator("#outcome")).hasText("The appointment has been moved.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter why the appointment is cancelled");
        page.locator("input[name=reason]").fill("Patient in hospital elsewhere");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment")).click();
        assertThat(page.locator("#outcome")).hasText("The appointment is cancelled and its slot freed.");
        assertThat(page.locator("#appointments")).containsText("Cancelled");
    }

    @Test
    void theWorklistShowsThoseWhoNeedACallAndRecordsItsOutcome() {
        String entry = fhir.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"category\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list\",\"code\":\"surgery\"}]}],\"priority\":\"urgent\",\"code\":{\"text\":\"Hip replacement\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"authoredOn\":\"" + LocalDate.now().minusWeeks(30) + "\",\"performer\":[{\"reference\":\"Organization/"
                + trust + "\"}],\"extension\":[{\"url\":\"https://fhir.joinedup.nhs.uk/StructureDefinition/waiting-list-validation\",\"extension\":[{\"url\":\"asked\","
                + "\"valueDateTime\":\"2026-10-01T10:00:00Z\"},{\"url\":\"outcome\",\"valueCode\":\"wants-to-discuss\"}]}]}")).path("id").asText();

        Page page = signedIn("scheduler");
        page.navigate("/staff/waiting-list?list=surgery&weeks=26");
        assertThat(page.locator("#entries")).containsText("Hip replacement");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.navigate("/staff/waiting-list?worklist=true");
        assertThat(page.locator("#entries")).containsText("Wants to discuss");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/validation-worklist.png")).setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Still needed: CLINIC, Pat")).click();
        assertThat(page.locator("#outcome")).hasText("The patient stays on the waiting list.");
        assertThat(fhir.get("/ServiceRequest/" + entry).body()).contains("still-needed");
    }

    @Test
    void patientsOnFollowUpAndTheClinicsTasksAreListedAndTasksDone() {
        String episode = fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/episode-type\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + LocalDate.now().minusDays(5) + "\",\"end\":\""
                + LocalDate.now().plusDays(20) + "\"}}")).path("id").asText();
        FhirClient.Response asked = fhir.post("/EpisodeOfCare/" + episode + "/$request-appointment", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        Page page = signedIn("scheduler");
        page.navigate("/staff/pifu");
        assertThat(page.locator("#patients")).containsText("CLINIC, Pat");
        assertThat(page.locator("#tasks")).containsText("asked for a follow-up appointment");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done: The patient asked for a follow-up appointment: book them in for CLINIC, Pat")).click();
        assertThat(page.locator("#outcome")).hasText("The task is done.");
    }
}
