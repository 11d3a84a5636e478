package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient says what matters to them (asked again, their words kept, when they give none), changes it (a new
 * version) and takes it away (cancelled, not deleted); and keeps a mood diary, one entry a day, shown as a chart,
 * a very low score answered with where to get help now.
 */
class PortalAboutMeTest extends BrowserPageTest {

    @BeforeEach
    void thePatient() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
    }

    @Test
    void aPatientSaysWhatMattersToThemChangesItAndTakesItAway() {
        String words = "Walking my dog by the canal " + UUID.randomUUID().toString().substring(0, 6);
        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What matters to me")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Enter what matters to you");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("Add what matters to you").fill(words);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.locator("#done")).containsText("The people caring for you will see this");
        Locator card = page.locator("#statements li").filter(new Locator.FilterOptions().setHasText(words));
        assertThat(card).hasCount(1);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        String id = fhir.get("/Goal?patient=Patient/demo-patient-1&lifecycle-status=active&_count=200").resources().stream()
                .filter(g -> g.at("/description/text").asText().equals(words)).findFirst().orElseThrow().path("id").asText();
        card.locator("summary").click();
        card.locator("textarea").fill(words + ", every morning");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the change")).click();
        assertThat(page.locator("#statements")).containsText(words + ", every morning");
        assertThat(fhir.get("/Goal/" + id + "/_history").json().path("total").asInt()).isEqualTo(2);

        page.locator("#statements li").filter(new Locator.FilterOptions().setHasText(words)).locator("summary").click();
        page.locator("#statements li").filter(new Locator.FilterOptions().setHasText(words))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take this away")).click();
        assertThat(page.locator("#done")).containsText("Taken away");
        assertThat(page.locator("main")).not().containsText(words);
        assertThat(fhir.get("/Goal/" + id).json().path("lifecycleStatus").asText()).isEqualTo("cancelled");
    }

    @Test
    void aPatientKeepsAMoodDiaryOneEntryADay() {
        Page page = signedIn("patient");
        page.navigate("/portal/mood");
        page.getByLabel("Anything you want to add (optional)").fill("Slept badly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Select how you feel today");
        assertThat(page.getByLabel("Anything you want to add (optional)")).hasValue("Slept badly");
        page.getByLabel("7", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#done")).containsText("Saved");
        assertThat(page.locator("#entries")).containsText("Slept badly");
        assertThat(page.locator("svg.ju-chart")).hasCount(1);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByLabel("4", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#entries tbody tr")).hasCount(1);
        assertThat(page.locator("#entries")).containsText("4");
        assertThat(page.locator("#urgent-help")).hasCount(0);
        page.getByLabel("1", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#urgent-help")).containsText("call 111");
        String today = fhir.get("/Observation?patient=Patient/demo-patient-1&code=https://fhir.joinedup.nhs.uk/CodeSystem/patient-reported|mood-score")
                .resources().getFirst().path("id").asText();
        assertThat(fhir.get("/Observation/" + today + "/_history").json().path("total").asInt()).isEqualTo(3);
    }
}
