package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient answers PHQ-9 (every unanswered question named; thoughts of self-harm answered with where to get help
 * now and an urgent flag for the care team), and the pre-operative questions from the surgery listing text's link,
 * saving half way and coming back to finish.
 */
class PortalQuestionnairesTest extends BrowserPageTest {

    @BeforeEach
    void thePatient() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
    }

    @Test
    void phq9IsScoredAndThoughtsOfSelfHarmGetHelpAtOnce() {
        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Questionnaires")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Depression questionnaire (PHQ-9)")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page).hasTitle("Error: Depression questionnaire (PHQ-9) – JoinedUp");
        assertThat(page.locator(".nhsuk-error-summary li")).hasCount(9);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        Locator several = page.getByLabel("Several days");
        for (int i = 0; i < 9; i++) {
            several.nth(i).check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#sent")).containsText("Answers sent");
        assertThat(page.locator("#urgent-help")).containsText("Someone from your care team will contact you today");

        String flags = fhir.get("/Flag?patient=Patient/demo-patient-1&_count=100").body();
        assertThat(flags).contains("Urgent: PHQ-9 item 9").contains("\"code\":\"PH\"");
        String scores = fhir.get("/Observation?patient=Patient/demo-patient-1&code=http://loinc.org|44261-6&_sort=-date").body();
        assertThat(scores).contains("\"valueInteger\":9").contains("Mild depression");
    }

    @Test
    void aPatientsOwnEmergencyCarePreferencesReachTheirGpsSummaryAndCanBeChangedLater() {
        String gp = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"generalPractitioner\":[{\"reference\":\"Organization/" + gp + "\"}]}");
        String words = "I would want to stay at home with my cat " + java.util.UUID.randomUUID().toString().substring(0, 6);

        Page page = signedIn("patient");
        page.navigate("/portal/about-me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My emergency care and treatment preferences")).click();
        page.getByLabel("Being comfortable, even if that means I might not live as long").check();
        page.getByLabel("What else matters to you about your care in an emergency? (optional)").fill(words);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#next")).containsText("The people caring for you will see your preferences");

        page.navigate("/portal/questionnaires/emergency-care-preferences"); // changed later: the last answers are there to change
        assertThat(page.getByLabel("What else matters to you about your care in an emergency? (optional)")).hasValue(words);

        Page doctor = signedIn("gp.clinician");
        doctor.navigate("/staff/patients/demo-patient-1");
        assertThat(doctor.locator("main")).containsText("The patient's own preferences (not a clinical decision)");
        assertThat(doctor.locator("main")).containsText(words);
    }

    @Test
    void aChildListedForSurgeryIsAskedTheChildrensQuestions() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],\"birthDate\":\""
                + LocalDate.now().minusYears(8) + "\"}");
        String listing = fhir.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"subject\":"
                + "{\"reference\":\"Patient/demo-patient-1\"},\"authoredOn\":\"" + LocalDate.now() + "\"}")).path("id").asText();

        Page page = signedIn("patient");
        page.navigate("/portal/waiting-list/" + listing + "/pre-operative-assessment");
        assertThat(page).hasTitle("Before your child's operation – JoinedUp");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Does your child snore most nights, or stop breathing for moments "
                + "while asleep?"))).isVisible();
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
    }

    @Test
    void thePreOperativeQuestionsAreSavedHalfWayAndFinishedLater() {
        String listing = fhir.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"category\":[{\"coding\":"
                + "[{\"system\":\"https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list\",\"code\":\"surgery\"}]}],\"code\":{\"text\":\"Knee replacement\"},"
                + "\"subject\":{\"reference\":\"Patient/demo-patient-1\"},\"authoredOn\":\"" + LocalDate.now() + "\"}")).path("id").asText();

        Page page = signedIn("patient");
        page.navigate("/portal/waiting-list/" + listing + "/pre-operative-assessment");
        assertThat(page).hasTitle("Before your operation (adults) – JoinedUp");
        page.getByLabel("Your height").fill("170");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertThat(page.locator("#saved")).containsText("Your answers are saved");

        page.navigate("/portal/waiting-list/" + listing + "/pre-operative-assessment");
        assertThat(page.getByLabel("Your height")).hasValue("170");
        page.getByLabel("Your weight").fill("400");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a number between 20 kg and 300 kg for \"Your weight\"");
        assertThat(page.getByLabel("Your height")).hasValue("170");
        // the README's screenshot of a questionnaire (copied to docs/ by hand when the page changes)
        page.setViewportSize(480, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/portal-questionnaire.png")));
        page.setViewportSize(1280, 720);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByLabel("Your weight").fill("118");
        page.getByLabel("None").check();
        page.locator("#q-anaesthetic-before").check();
        page.locator("#q-anaesthetic-problems-no").check();
        page.locator("#q-allergies-no").check();
        page.locator("#q-interpreter-no").check();
        page.locator("#q-blood-thinners").check();
        page.getByLabel("Which blood-thinning medicines do you take?").fill("Apixaban");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#sent")).containsText("Before your operation (adults)");
        assertThat(page.locator("#urgent-help")).hasCount(0);

        String responses = fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=completed&_count=100").body();
        assertThat(responses).contains("ServiceRequest/" + listing).contains("Apixaban");
        assertThat(fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=in-progress&_count=100").body())
                .doesNotContain("pre-operative-assessment-adult");
        String flags = fhir.get("/Flag?patient=Patient/demo-patient-1&_count=100").body();
        assertThat(flags).contains("BMI 40 or more (route: anaesthetic-review)").contains("Takes blood-thinning medicines (route: pharmacist-review)");
    }
}
