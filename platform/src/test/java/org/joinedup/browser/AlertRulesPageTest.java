package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator sets a care home's night falls rule: a rule naming both a role and a person is refused with an NHS
 * error message; a night rule to the manager on call, by text, is added and listed; retired, it leaves the list but
 * is kept with who retired it. A care worker may not use the page.
 */
class AlertRulesPageTest extends BrowserPageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorAddsANightRuleAndRetiresIt() {
        String home = "VNR" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "7");
        Page page = signedIn("operator");
        page.navigate("/staff/alerts/rules");
        page.getByLabel("Organisation (ODS code, or * for any)").fill(home);
        page.getByLabel("Alerts", new Page.GetByLabelOptions().setExact(true)).selectOption("fall");
        page.getByLabel("To the organisation's staff in the role").selectOption("care-worker");
        page.getByLabel("Or to one person (their username)").fill("night.manager");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the rule")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter either a role of the organisation's staff or one person's username");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByLabel("Organisation (ODS code, or * for any)").fill(home);
        page.getByLabel("Alerts", new Page.GetByLabelOptions().setExact(true)).selectOption("fall");
        page.getByLabel("From (24-hour time)").fill("22:00");
        page.getByLabel("Until (the same time: all day)").fill("07:00");
        page.getByLabel("Or to one person (their username)").fill("night.manager");
        page.getByLabel("Their name").fill("Night Manager");
        page.getByLabel("Text them at (optional)").fill("07700 900777");
        page.getByLabel("Minutes to wait for acknowledgement before escalating").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the rule")).click();
        assertThat(page.locator("#outcome")).hasText("The rule is in force.");
        Locator row = page.locator("#rules tr", new Page.LocatorOptions().setHasText(home));
        assertThat(row).containsText("22:00 to 07:00");
        assertThat(row).containsText("Night Manager (night.manager), text 07700900777");
        assertThat(row).containsText("3 min");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#outcome")).containsText("The rule is retired");
        assertThat(page.locator("#rules")).not().containsText(home);
        assertThat(jdbc.queryForObject("SELECT retired_by FROM alert_route WHERE organisation = ?", String.class, home)).isEqualTo("operator");

        Page carer = signedIn("care.home.worker");
        assertThat(carer.navigate("/staff/alerts/rules").status()).isEqualTo(403);
    }
}
