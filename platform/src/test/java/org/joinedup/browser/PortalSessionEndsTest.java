package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient whose session ends while they type loses nothing: what they sent is held, and after signing in again it
 * is given back, for the record it was typed for, to send as it was (a questionnaire's answers kept as its draft too). Only to them: someone else signing in on that
 * browser gets nothing, and what was held is gone.
 */
class PortalSessionEndsTest extends BrowserPageTest {

    static final String WORDS_LABEL = "What else matters to you about your care in an emergency? (optional)";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void thePatient() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
    }

    @Test
    void whatAPatientTypedAsTheirSessionEndedIsGivenBackWhenTheySignInAgain() {
        String words = "Please call my daughter first " + UUID.randomUUID().toString().substring(0, 8);
        Page page = typedThenSessionEnded(words);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        signIn(page, "patient");

        assertThat(page).hasTitle("Send what you entered – JoinedUp");
        assertThat(page.locator("#held-record")).containsText("Demo Patient");
        assertThat(page.locator("#draft-kept")).containsText("saved your answers as a draft");
        assertThat(fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=in-progress&_count=200").body()).contains(words);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send what I entered")).click();
        assertThat(page.locator("#next")).containsText("The people caring for you will see your preferences");
        assertThat(fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&status=completed&_count=200").body()).contains(words);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM held_form WHERE fields::text LIKE ?", Integer.class, "%" + words + "%")).isZero();
    }

    @Test
    void someoneElseSigningInOnThatBrowserIsGivenNothingAndWhatWasHeldIsGone() {
        String words = "Not for anyone else " + UUID.randomUUID().toString().substring(0, 8);
        Page page = typedThenSessionEnded(words);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM held_form WHERE fields::text LIKE ?", Integer.class, "%" + words + "%")).isEqualTo(1);
        signIn(page, "gp.clinician");

        assertThat(page.locator("body")).not().containsText(words);
        assertThat(page.content()).doesNotContain(words);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM held_form WHERE fields::text LIKE ?", Integer.class, "%" + words + "%")).isZero();
        assertThat(fhir.get("/QuestionnaireResponse?subject=Patient/demo-patient-1&_count=200").body()).doesNotContain(words);
    }

    /** The patient's preferences typed in, then their session ended (the browser still holds the old session's cookie). */
    private Page typedThenSessionEnded(String words) {
        Page page = signedIn("patient");
        page.navigate("/portal/questionnaires/emergency-care-preferences");
        page.getByLabel("Being comfortable, even if that means I might not live as long").check();
        page.getByLabel(WORDS_LABEL).fill(words);
        page.context().addCookies(List.of(new Cookie("JSESSIONID", "ended-" + UUID.randomUUID()).setUrl("http://localhost:" + port)));
        return page;
    }

    private static void signIn(Page page, String username) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("demo-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
