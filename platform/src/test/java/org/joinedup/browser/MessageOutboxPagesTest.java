package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.joinedup.fhir.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator sees a message that failed, reads what happened to it, sends it again (the local provider delivers
 * it), and records and lifts a patient's opt-out, asked again when they give no patient.
 */
class MessageOutboxPagesTest extends BrowserPageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorSendsAFailedMessageAgainAndRecordsAnOptOut() {
        UUID id = UUID.randomUUID();
        String patient = "outbox-" + id.toString().substring(0, 8);
        jdbc.update("""
                INSERT INTO message (id, reference, patient_id, kind, channel, recipient, body, personalisation, status, status_reason, attempts,
                                     not_before, created_at, updated_at)
                VALUES (?, ?, ?, 'appointment-reminder', 'sms', '07700900999', 'Hello, a reminder', '{}'::jsonb, 'failed',
                        'GOV.UK Notify answered 500: failing on purpose', 6, now(), now(), now())""", id, "test/outbox-page/" + id, patient);
        jdbc.update("INSERT INTO message_event (message_id, at, status, detail, actor) VALUES (?, now(), 'failed', 'GOV.UK Notify answered 500', 'outbox')", id);

        Page page = signedIn("operator");
        page.navigate("/staff/messages");
        assertThat(page.locator("#failures")).containsText("Patient/" + patient);
        assertThat(page.locator("#failures")).containsText("failing on purpose");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.navigate("/staff/messages/" + id);
        assertThat(page.locator("#history")).containsText("GOV.UK Notify answered 500");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.navigate("/staff/messages");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again: appointment-reminder to Patient/" + patient)).click();
        assertThat(page.locator("#outcome")).hasText("The message will be sent again.");
        assertThat(Eventually.await(() -> jdbc.queryForObject("SELECT status FROM message WHERE id = ?", String.class, id), "delivered"::equals))
                .isEqualTo("delivered");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record opt-out")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter the patient's record id");
        page.getByLabel("Patient's record id").fill("Patient/" + patient);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record opt-out")).click();
        assertThat(page.locator("#opt-outs")).containsText("Patient/" + patient + ": all");
        page.locator("#opt-outs li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(patient))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Lift")).click();
        assertThat(page.locator("#outcome")).containsText("can be sent all messages again");
    }
}
