package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient waiting 20 weeks is texted by the validation campaign, follows the link, signs in and answers; a
 * patient on follow-up asks for an appointment without seeing their GP.
 */
class PortalWaitingListTest extends BrowserPageTest {

    @Autowired
    JdbcTemplate jdbc;

    String trust;

    @BeforeEach
    void thePatientHasAMobileAndATrust() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700900018\",\"use\":\"mobile\"}]}");
        trust = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Validation Hospital\"}")).path("id").asText();
    }

    @Test
    void aPatientAnswersTheValidationTextThroughItsLink() {
        String entry = fhir.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"category\":[{\"coding\":"
                + "[{\"system\":\"https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list\",\"code\":\"outpatient\"}]}],\"code\":{\"text\":\"Dermatology appointment\"},"
                + "\"subject\":{\"reference\":\"Patient/demo-patient-1\"},\"authoredOn\":\"" + LocalDate.now().minusWeeks(20) + "\",\"performer\":[{\"reference\":"
                + "\"Organization/" + trust + "\"}]}")).path("id").asText();
        assertThat(fhir.post("/ServiceRequest/$validate-waiting-list?weeks=12", FhirClient.parse("{\"resourceType\":\"Parameters\"}")).status()).isEqualTo(200);
        String text = Eventually.await(() -> jdbc.queryForList("SELECT body FROM message WHERE reference LIKE ?", String.class,
                "waiting-list/" + entry + "/validation/%"), list -> !list.isEmpty()).getFirst();
        assertThat(text).contains("Validation Hospital").doesNotContainIgnoringCase("dermatology");
        String link = text.substring(text.indexOf("/portal/go/"));

        Page page = page(); // not signed in: the link asks them to, then opens the question
        page.navigate(link);
        page.getByLabel("Username").fill("patient");
        page.getByLabel("Password").fill("demo-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasTitle("Do you still need to be seen? – JoinedUp");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Select an answer to \"Do you still need to be seen\"");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("I am not sure, I would like to talk to someone").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#next")).containsText("Someone from the hospital will phone you");
        assertThat(fhir.get("/ServiceRequest/" + entry).body()).contains("wants-to-discuss");
    }

    @Test
    void aFollowUpRequestAfterTheWindowEndedIsRefusedSayingWhyAndNothingIsStored() {
        String ended = fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/episode-type\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/demo-patient-1\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + LocalDate.now().minusDays(200) + "\",\"end\":\""
                + LocalDate.now().minusDays(1) + "\"}}")).path("id").asText();
        Page page = signedIn("patient");
        page.navigate("/portal/follow-up/" + ended);
        page.getByLabel("What has changed since your last appointment?").fill("Worse again " + ended);
        page.getByLabel("In person").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("contact your GP");
        assertThat(page.getByLabel("What has changed since your last appointment?")).hasValue("Worse again " + ended);
        assertThat(fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&_count=200").body()).doesNotContain("Worse again " + ended);
    }

    @Test
    void aPatientOnFollowUpAsksForAnAppointment() {
        String episode = fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/episode-type\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/demo-patient-1\"},"
                + "\"managingOrganization\":{\"reference\":\"Organization/" + trust + "\"},\"period\":{\"start\":\"" + LocalDate.now().minusDays(20) + "\",\"end\":\""
                + LocalDate.now().plusDays(100) + "\"}}")).path("id").asText();

        Page page = signedIn("patient");
        page.navigate("/portal/follow-up/" + episode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter an answer to \"What has changed since your last appointment\"");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("What has changed since your last appointment?").fill("The swelling in my knee is back");
        page.getByLabel("By phone").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.locator("#next")).containsText("We have asked the clinic to book you an appointment");
        assertThat(fhir.get("/ServiceRequest?subject=Patient/demo-patient-1&_count=100").body()).contains("The swelling in my knee is back");
    }
}
