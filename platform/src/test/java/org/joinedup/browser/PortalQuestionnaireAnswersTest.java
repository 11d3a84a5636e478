package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The questionnaire renderer's richer answers, without JavaScript's help: operations added and taken out one by one
 * (a repeating group), conditions ticked from a list, an allergy in the patient's own words, several medicines; and a
 * photo added to a follow-up request, refused when it is not a photo, kept across a refused submit, and sent.
 */
class PortalQuestionnaireAnswersTest extends BrowserPageTest {

    @BeforeEach
    void thePatientAndTheirGp() {
        String gp = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"generalPractitioner\":[{\"reference\":\"Organization/" + gp + "\"}]}");
    }

    @Test
    void aPatientListsOperationsConditionsAllergiesAndMedicinesBeforeTheirOperation() {
        String listing = fhir.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"code\":{\"text\":"
                + "\"Hernia repair\"},\"subject\":{\"reference\":\"Patient/demo-patient-1\"},\"authoredOn\":\"" + LocalDate.now() + "\"}")).path("id").asText();
        Page page = signedIn("patient");
        page.navigate("/portal/waiting-list/" + listing + "/pre-operative-assessment");
        page.getByLabel("Your height").fill("180");
        page.getByLabel("Your weight").fill("82");
        page.locator("#q-interpreter").check();
        page.getByLabel("Which language?").selectOption("Polish");
        page.getByLabel("Diabetes").check();
        page.getByLabel("Obstructive sleep apnoea").check();
        page.getByLabel("Two or more").check();
        page.locator("#q-anaesthetic-before").check();
        page.locator("#q-anaesthetic-problems-no").check();
        page.locator("#q-operation-what--1").fill("Appendix removed");
        page.locator("#q-operation-year--1").fill("1998");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Add another\\W+Operation you have had"))).click();
        page.locator("#q-operation-what--2").fill("Broken wrist set");
        page.locator("#q-operation-year--2").fill("last summer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Add another\\W+Operation you have had"))).click();
        assertThat(page.locator("#q-operation-what--2")).hasValue("Broken wrist set");
        page.locator("#q-operation-what--3").fill("Tonsils out");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Remove\\W+Operation you have had 1"))).click();
        assertThat(page.locator("#q-operation-what--1")).hasValue("Broken wrist set");
        assertThat(page.locator("#q-operation-what--2")).hasValue("Tonsils out");
        assertThat(page.locator("#q-operation-what--3")).hasCount(0);
        page.setViewportSize(480, 900); // the README's picture of a repeating group (copied to docs/ by hand when the page changes)
        page.locator("#g-previous-operation--1").locator("xpath=..").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/portal-questionnaire-repeating.png")));
        page.setViewportSize(1280, 720);

        page.locator("#q-allergies").check();
        page.getByLabel("Latex").check();
        page.locator("#q-allergy-which-other").check();
        page.locator("#q-allergy-which-words").fill("Sticking plasters");
        page.getByLabel("Answer 1").fill("Metformin 500mg twice a day");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Add another\\W+answer to: Medicines you take"))).click();
        page.getByLabel("Answer 2").fill("Ramipril 5mg");
        page.locator("#q-blood-thinners-no").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a number for \"What year was it\"");
        assertThat(page.locator("#q-allergy-which-words")).hasValue("Sticking plasters");
        assertThat(page.getByLabel("Diabetes")).isChecked();
        assertThat(page.getByLabel("Answer 2")).hasValue("Ramipril 5mg");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.locator(".nhsuk-error-summary a").first().click();
        assertThat(page.locator("#q-operation-year--1")).isFocused();
        page.locator("#q-operation-year--1").fill("2024");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#sent")).containsText("Before your operation (adults)");

        String response = fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=completed&_sort=-authored&_count=1").body();
        assertThat(response).contains("Broken wrist set").contains("Tonsils out").doesNotContain("Appendix removed").contains("\"valueInteger\":2024")
                .contains("\"code\":\"73211009\"").contains("\"code\":\"pl\"").contains("\"valueString\":\"Sticking plasters\"").contains("Ramipril 5mg");
        String flags = fhir.get("/Flag?patient=Patient/demo-patient-1&_count=200").body();
        assertThat(flags).contains("Obstructive sleep apnoea (route: anaesthetic-review)").contains("Latex allergy (route: theatre-team)")
                .contains("Diabetes (route: pre-operative-nurse-review)").contains("Needs an interpreter at appointments (route: booking-team)");
    }

    @Test
    void aPatientAddsAPhotoToAFollowUpRequest() throws IOException {
        String trust = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Skin Hospital\"}")).path("id").asText();
        String episode = fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/episode-type\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/demo-patient-1\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + LocalDate.now().minusDays(20) + "\",\"end\":\""
                + LocalDate.now().plusDays(100) + "\"}}")).path("id").asText();
        Page page = signedIn("patient");
        page.navigate("/portal/follow-up/" + episode);
        String photo = "If it would help, add a photo of what has changed (for example a rash or a wound) (optional)";
        page.getByLabel("What has changed since your last appointment?").fill("The rash on my arm is spreading");
        page.getByLabel(photo).setInputFiles(new FilePayload("arm.jpg", "image/jpeg", "this is not a photo".getBytes()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("The selected file must be a JPG or PNG photo");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Select an answer to \"How would you like to be seen\"");
        assertThat(page.getByLabel("What has changed since your last appointment?")).hasValue("The rash on my arm is spreading");

        page.getByLabel(photo).setInputFiles(new FilePayload("arm.jpg", "image/jpeg", jpeg()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click(); // still no answer to how: the photo is kept
        assertThat(page.locator(".nhsuk-error-summary")).not().containsText("JPG");
        assertThat(page.locator("main")).containsText("You added arm.jpg");
        assertThat(page.getByAltText("The photo you added: arm.jpg")).isVisible();
        page.setViewportSize(480, 900); // the README's picture of a photo added (copied to docs/ by hand when the page changes)
        page.locator("main form").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/portal-questionnaire-photo.png")));
        page.setViewportSize(1280, 720);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("By video call").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#next")).containsText("We have asked the clinic to book you an appointment");

        String response = fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=completed&_sort=-authored&_count=1").body();
        assertThat(response).contains("\"contentType\":\"image/jpeg\"").contains("\"title\":\"arm.jpg\"").contains("The rash on my arm is spreading");
        String responseId = FhirClient.parse(response).at("/entry/0/resource/id").asText();

        Page doctor = signedIn("gp.clinician"); // the patient's GP reads the answers, photo and all
        doctor.navigate("/staff/patients/demo-patient-1/documents");
        doctor.locator("#questionnaires a[href$='/" + responseId + "']").click();
        assertThat(doctor.locator("#answers")).containsText("The rash on my arm is spreading");
        assertThat(doctor.locator("#answers")).containsText("By video call");
        assertThat(doctor.locator("#answers")).containsText("Photo: arm.jpg");
        com.microsoft.playwright.Locator seen = doctor.locator("#answers img");
        assertThat(seen).hasAttribute("alt", java.util.regex.Pattern.compile("Photo sent by the patient"));
        assertThat((Boolean) seen.evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
        assertThat(Accessibility.seriousViolations(doctor)).isEmpty();
    }

    @Test
    void aFileFarTooLargeForAPhotoIsAnsweredWithAPageSayingSo() {
        String trust = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Skin Hospital\"}")).path("id").asText();
        String episode = fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/episode-type\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/demo-patient-1\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + LocalDate.now().minusDays(20) + "\",\"end\":\""
                + LocalDate.now().plusDays(100) + "\"}}")).path("id").asText();
        Page page = signedIn("patient");
        page.navigate("/portal/follow-up/" + episode);
        page.getByLabel("If it would help, add a photo of what has changed (for example a rash or a wound) (optional)")
                .setInputFiles(new FilePayload("video.jpg", "image/jpeg", new byte[31 * 1024 * 1024])); // beyond what the server reads at all
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page).hasTitle("The file you chose is too big – JoinedUp");
        assertThat(page.locator("main")).containsText("A photo must be smaller than 10MB");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB); // a patch of red on skin
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(226, 186, 160));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new java.awt.Color(196, 80, 80));
        g.fillOval(110, 70, 120, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
