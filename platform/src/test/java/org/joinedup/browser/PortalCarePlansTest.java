package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/** A patient reads their heart failure care plan, its goals and what will happen, and sends their care team a comment on it, which their GP sees. */
class PortalCarePlansTest extends BrowserPageTest {

    @Test
    void aPatientReadsTheirCarePlanAndCommentsOnIt() {
        String gp = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"generalPractitioner\":[{\"reference\":\"Organization/" + gp + "\"}]}");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String practice = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Care Plan Practice\"}")).path("id").asText();
        String goal = fhir.create(FhirClient.parse("{\"resourceType\":\"Goal\",\"lifecycleStatus\":\"active\",\"description\":{\"text\":\"Walk to the shops "
                + "without getting breathless\"},\"subject\":{\"reference\":\"Patient/demo-patient-1\"}}")).path("id").asText();
        String plan = fhir.create(FhirClient.parse("{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"title\":\"Heart failure care plan "
                + tag + "\",\"description\":\"Weigh yourself daily.\",\"subject\":{\"reference\":\"Patient/demo-patient-1\"},\"period\":{\"start\":\"2026-10-01\"},"
                + "\"author\":{\"reference\":\"Organization/" + practice + "\",\"display\":\"Care Plan Practice\"},\"goal\":[{\"reference\":\"Goal/" + goal + "\"}],"
                + "\"activity\":[{\"detail\":{\"status\":\"in-progress\",\"description\":\"Heart failure nurse visit every month\"}}]}")).path("id").asText();

        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Care plans")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Heart failure care plan " + tag)).click();
        assertThat(page.locator("#goals")).containsText("Walk to the shops without getting breathless");
        assertThat(page.locator("#activities")).containsText("Heart failure nurse visit every month");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send comment")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter your comment");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("Add a comment for your care team").fill("My ankles have been more swollen this week");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send comment")).click();
        assertThat(page.locator("#done")).containsText("Your care team will see your comment");
        assertThat(page.locator("#comments")).containsText("My ankles have been more swollen this week");

        var sent = fhir.get("/Communication?subject=Patient/demo-patient-1&_count=100").resources().stream()
                .filter(c -> c.at("/about/0/reference").asText().equals("CarePlan/" + plan)).findFirst().orElseThrow();
        assertThat(sent.at("/recipient/0/reference").asText()).isEqualTo("Organization/" + practice);
        assertThat(sent.at("/sender/reference").asText()).isEqualTo("Patient/demo-patient-1");

        Page doctor = signedIn("gp.clinician"); // the practice sees the comment in the record's timeline
        doctor.navigate("/staff/patients/demo-patient-1/timeline?kind=care-events");
        assertThat(doctor.locator("main")).containsText("Message from the patient");
        assertThat(doctor.locator("main")).containsText("My ankles have been more swollen this week");
    }
}
