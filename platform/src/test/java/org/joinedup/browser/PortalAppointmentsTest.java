package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient sees their appointments in the portal, on a computer and on a phone; confirms they are coming; moves
 * one to another free time; cancels it with a reason (asked again when they give none); and adds it to their calendar.
 */
class PortalAppointmentsTest extends BrowserPageTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    String service = "portal-" + UUID.randomUUID().toString().substring(0, 8);
    String appointment;
    Instant first;
    Instant second;

    @BeforeEach
    void aPatientWithAnAppointmentInThreeDays() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700900018\",\"use\":\"mobile\"}]}");
        String location = fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"Eye Clinic " + service + "\",\"address\":{\"line\":"
                + "[\"1 Hospital Road\"],\"city\":\"Preston\",\"postalCode\":\"PR1 1AA\"}}")).path("id").asText();
        String schedule = fhir.create(FhirClient.parse("{\"resourceType\":\"Schedule\",\"active\":true,\"serviceType\":[" + serviceType() + "],\"actor\":"
                + "[{\"reference\":\"Location/" + location + "\"}]}")).path("id").asText();
        first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        second = first.plus(1, ChronoUnit.DAYS);
        String firstSlot = slot(schedule, first);
        slot(schedule, second);
        appointment = fhir.post("/Appointment/$book", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"slot\",\"valueReference\":"
                + "{\"reference\":\"Slot/" + firstSlot + "\"}},{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/demo-patient-1\"}}]}")).json()
                .path("id").asText();
    }

    private String serviceType() {
        return "{\"coding\":[{\"system\":\"urn:test:service\",\"code\":\"" + service + "\",\"display\":\"Eye clinic\"}]}";
    }

    @Test
    void anAppointmentLinksToInformationAboutItsService() {
        String cardiology = "{\"coding\":[{\"system\":\"https://fhir.nhs.uk/CodeSystem/NHSDataModelAndDictionary-treatment-function\",\"code\":\"320\","
                + "\"display\":\"Cardiology\"}]}";
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String heart = fhir.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"serviceType\":[" + cardiology + "],\"start\":\""
                + start + "\",\"end\":\"" + start.plus(20, ChronoUnit.MINUTES) + "\",\"participant\":[{\"status\":\"accepted\",\"actor\":{\"reference\":"
                + "\"Patient/demo-patient-1\"}}]}")).path("id").asText();
        Page page = signedIn("patient");
        page.navigate("/portal/appointments/" + heart);
        page.locator("#information").click();
        assertThat(page.locator("h1")).hasText("Your cardiology clinic appointment");
        assertThat(page.locator("img.nhsuk-image__img")).hasAttribute("alt", "Stickers placed on the chest, arms and legs for a heart tracing (ECG)");
        assertThat(page.request().get("/portal/images/ecg.svg").status()).isEqualTo(200);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
    }

    private String slot(String schedule, Instant start) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/" + schedule + "\"},\"serviceType\":["
                + serviceType() + "],\"status\":\"free\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(20, ChronoUnit.MINUTES) + "\"}")).path("id").asText();
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(ZoneId.of("Europe/London")));
    }

    @Test
    void aPatientConfirmsMovesAndCancelsTheirAppointment() {
        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Appointments")).click();
        assertThat(page.locator("#upcoming")).containsText(day(first));
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.navigate("/portal/appointments/" + appointment);
        assertThat(page.locator("#details")).containsText("Eye Clinic " + service);
        assertThat(page.locator("#details")).containsText("1 Hospital Road, Preston PR1 1AA");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        APIResponse calendar = page.request().get("/portal/appointments/" + appointment + "/calendar.ics");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.text()).contains("BEGIN:VEVENT");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm you are coming")).click();
        assertThat(page.locator("#status")).containsText("you have confirmed you are coming");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change this appointment")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change to this time")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose another time");
        page.getByLabel(day(second), new Page.GetByLabelOptions().setExact(false)).check();
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change to this time")).click();
        assertThat(page.locator("#done")).containsText("Your appointment has been changed");
        assertThat(page.locator("h1")).containsText(day(second));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel this appointment")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment")).click();
        assertThat(page).hasTitle("Error: Cancel your appointment – JoinedUp");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Select why you are cancelling");
        page.getByLabel("I cannot make this time").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment")).click();
        assertThat(page.locator("#done")).hasText("Your appointment has been cancelled.");
        assertThat(page.locator("#status")).containsText("Cancelled");
        assertThat(fhir.get("/Appointment/" + appointment).json().at("/cancelationReason/text").asText()).isEqualTo("I cannot make this time");
    }

    @Test
    void aPatientReadsTheTextsWeHaveSentThem() {
        String trust = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Portal Surgical Centre\"}")).path("id").asText();
        FhirClient.Response listed = fhir.post("/ServiceRequest/$list-for-surgery", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":["
                + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/demo-patient-1\"}},{\"name\":\"organization\",\"valueReference\":"
                + "{\"reference\":\"Organization/" + trust + "\"}},{\"name\":\"procedure\",\"valueString\":\"http://snomed.info/sct|179344006\"}]}"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);

        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Messages we have sent")).click();
        for (int tries = 0; tries < 50 && !page.content().contains("Portal Surgical Centre"); tries++) { // the text is written in the background
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("#messages")).containsText("waiting list for an operation at Portal Surgical Centre");
        assertThat(page.locator("#messages")).containsText("Text message");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
    }

    @Test
    void insideTheNhsAppThePortalLeavesOutItsOwnHeader() {
        Page page = signedIn("patient");
        page.setExtraHTTPHeaders(java.util.Map.of("User-Agent", "Mozilla/5.0 (iPhone) nhsapp-ios/2.40.0"));
        page.navigate("/portal/appointments");
        assertThat(page.locator("header.nhsuk-header")).hasCount(0);
        assertThat(page.locator("h1")).hasText("Appointments");
        page.setExtraHTTPHeaders(java.util.Map.of("User-Agent", "Mozilla/5.0 (iPhone)"));
        page.navigate("/portal/appointments");
        assertThat(page.locator("header.nhsuk-header")).hasCount(1);
    }

    @Test
    void onAPhoneTheAppointmentsReadWellAndSomeoneElsesAppointmentIsNotFound() {
        Page page = signedIn("patient");
        page.setViewportSize(375, 740);
        page.navigate("/portal/appointments");
        assertThat(page.locator("#upcoming")).containsText(day(first));
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/portal-appointments-phone.png")).setFullPage(true));

        String stranger = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Stranger\"}]}")).path("id").asText();
        String theirs = fhir.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"start\":\"" + first + "\",\"end\":\""
                + first.plus(20, ChronoUnit.MINUTES) + "\",\"participant\":[{\"status\":\"accepted\",\"actor\":{\"reference\":\"Patient/" + stranger + "\"}}]}"))
                .path("id").asText();
        assertThat(page.request().get("/portal/appointments/" + theirs).status()).isEqualTo(404);
        assertThat(page.request().get("/portal/appointments/" + theirs + "/calendar.ics").status()).isEqualTo(404);
    }
}
