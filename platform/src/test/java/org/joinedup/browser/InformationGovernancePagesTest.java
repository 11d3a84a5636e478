package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/**
 * In a real browser: a hospital clinician breaks glass to open a stranger's record and is shown it with the
 * break-glass notice; the information governance auditor finds the access in the audit, and reviews it
 * (escalating needs a note).
 */
class InformationGovernancePagesTest extends BrowserPageTest {

    @Test
    void aBreakGlassAccessIsShownFoundInTheAuditAndReviewed() {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Glassford\",\"given\":[\"Ivy\"]}]}"))
                .path("id").asText();
        Page clinician = signedIn("hospital.clinician");
        clinician.navigate("/staff/patients/" + patient);
        clinician.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emergency access (break-glass)")).click();
        clinician.getByLabel("Emergency care").check();
        clinician.getByLabel("Tell us more").fill("Unconscious in the emergency department");
        clinician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the record")).click();
        clinician.navigate("/staff/patients/" + patient);
        assertThat(clinician.locator("#break-glass-banner")).containsText("You opened this record by break-glass");
        assertThat(clinician.locator("#patient-banner")).containsText("GLASSFORD, Ivy");

        Page auditor = signedIn("ig.auditor");
        auditor.navigate("/staff/audit");
        auditor.getByLabel("Patient: NHS number or record id").fill(patient);
        auditor.getByLabel("Break-glass access only").check();
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search the audit")).click();
        Locator accesses = auditor.locator("#accesses tbody tr");
        assertThat(accesses.first()).containsText("hospital.clinician");
        assertThat(accesses.first()).containsText("Break-glass");

        auditor.navigate("/staff/break-glass/reviews");
        Locator grant = auditor.locator(".nhsuk-card", new Page.LocatorOptions().setHasText("Patient/" + patient));
        assertThat(grant).containsText("Unconscious in the emergency department");
        grant.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalate")).click();
        assertThat(auditor.locator(".nhsuk-error-summary")).containsText("Say why the access is escalated");
        grant = auditor.locator(".nhsuk-card", new Page.LocatorOptions().setHasText("Patient/" + patient));
        grant.getByLabel("Note (needed to escalate)").fill("No emergency attendance recorded at that time");
        grant.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalate")).click();
        assertThat(auditor.locator("#outcome")).containsText("escalated");
        assertThat(auditor.locator("#reviewed")).containsText("No emergency attendance recorded at that time");
    }
}
