package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.access.Proxies;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/** In a real browser: signing in (and failing to), a patient's portal (switching to a record they are a proxy for), and the break-glass dialog. */
class SignInAndBreakGlassPagesTest extends BrowserPageTest {

    @Test
    void aWrongPasswordShowsAnNhsErrorSummaryAndTheRightOneSignsIn() {
        Page page = page();
        signIn(page, "patient", "not-the-password");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter a correct username and password");
        assertThat(page).hasTitle("Error: Sign in – JoinedUp");

        signIn(page, "patient", "demo-password");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are signed in"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your health record")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who has used your record")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who has used your record"))).isVisible();
    }

    @Test
    void aParentSwitchesToTheirChildsRecordAndBack() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"name\":[{\"given\":[\"Pat\"],\"family\":\"Parent\"}],"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}]}");
        String child = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Kit\"],\"family\":\"Parent\"}]}"))
                .path("id").asText();
        Proxies.name(fhir, child, "9990000018");
        Page page = page();
        signIn(page, "patient", "demo-password");
        page.navigate("/portal");
        assertThat(page.locator("#whose")).hasText("Pat Parent");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View Kit Parent's record")).click();
        assertThat(page.locator("#whose")).hasText("Kit Parent");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who has used Kit Parent's record")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who has used Kit Parent's record"))).isVisible();

        page.navigate("/portal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View your record")).click();
        assertThat(page.locator("#whose")).hasText("Pat Parent");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to JoinedUp"))).isVisible();
        page.navigate("/portal");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to JoinedUp"))).isVisible(); // signed out: the portal asks again
    }

    @Test
    void aMemberOfStaffOpeningAPatientsPageIsToldPlainlyTheyCannotSeeIt() {
        Page page = page();
        signIn(page, "gp.clinician", "demo-password");
        page.navigate("/portal/record-access");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You cannot see this page"))).isVisible();
    }

    @Test
    void aClinicianBreaksGlassWithAReasonAndIsToldUntilWhen() {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Glass\"}]}")).path("id").asText();
        Page page = page();
        signIn(page, "hospital.clinician", "demo-password");
        page.navigate("/staff/break-glass?patient=" + patient);
        assertThat(page.locator(".nhsuk-warning-callout")).containsText("will be recorded");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the record")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose a reason");

        page.getByLabel("Emergency care").check();
        page.getByLabel("Tell us more").fill("Brought in unconscious");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the record")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Emergency access granted"))).isVisible();
        assertThat(page.locator(".nhsuk-panel")).containsText("until");
    }
}
