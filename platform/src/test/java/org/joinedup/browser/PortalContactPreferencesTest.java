package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient chooses email instead of text messages (asked again, with what they chose kept, until they give an
 * address) and turns appointment reminders off: their record and the outbox's opt-outs follow at once.
 */
class PortalContactPreferencesTest extends BrowserPageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPatientChoosesEmailAndNoReminders() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700900018\",\"use\":\"mobile\"}]}");
        jdbc.update("UPDATE message_opt_out SET lifted_at = now(), lifted_by = 'test' WHERE patient_id = 'demo-patient-1' AND lifted_at IS NULL");

        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How we contact you")).click();
        assertThat(page.getByLabel("Text message")).isChecked();
        assertThat(page.getByLabel("Mobile phone number")).hasValue("07700900018");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter an email address for emails");
        assertThat(page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true))).isChecked();
        page.getByLabel("Email address").fill("demo.patient@example.com");
        page.getByLabel("No reminders").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#done")).containsText("We will contact you this way from now on");
        assertThat(page.getByLabel("No reminders")).isChecked();

        JsonNode patient = fhir.get("/Patient/demo-patient-1").json();
        assertThat(patient.toString()).contains("\"code\":\"4\"").contains("demo.patient@example.com").contains("07700900018");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_opt_out WHERE patient_id = 'demo-patient-1' AND kind = 'appointment-reminder' "
                + "AND lifted_at IS NULL", Integer.class)).isEqualTo(1);
        assertThat(fhir.get("/Patient/demo-patient-1/_history").json().path("total").asInt()).isGreaterThanOrEqualTo(2);
    }
}
