package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/**
 * In a real browser, a locum who works at the demo practice and at the trust chooses which after signing in;
 * what they may open follows the role chosen, and they can change it.
 */
class RoleChoiceTest extends BrowserPageTest {

    @Test
    void aLocumWithTwoRolesChoosesOneAndSeesTheRecordsOfThatOrganisationOnly() {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Locumson\",\"given\":[\"Ada\"]}],"
                + "\"birthDate\":\"1950-02-02\",\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\"}]}")).path("id").asText();

        Page page = signedIn("locum.clinician");
        page.navigate("/staff/patients/" + patient);
        assertThat(page).hasTitle("Choose your role – JoinedUp");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasTitle("Error: Choose your role – JoinedUp");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the role you are working in");

        page.getByLabel(java.util.regex.Pattern.compile("Clinician, (RYY|.*\\(RYY\\))")).check(); // the trust by name, if the record knows it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("main")).containsText("You cannot open this record");

        page.navigate("/");
        assertThat(page.locator("#acting-as")).containsText("You are working as clinician at RYY");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose or change your role")).click();
        page.getByLabel("Clinician, Demo Practice (Y90001)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.navigate("/staff/patients/" + patient);
        assertThat(page.locator("#patient-banner")).containsText("LOCUMSON, Ada");

        Page auditor = signedIn("ig.auditor");
        auditor.navigate("/staff/audit");
        auditor.getByLabel("User (username or client)").fill("locum.clinician");
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search the audit")).click();
        assertThat(auditor.locator("#accesses")).containsText("/staff/role");
    }
}
