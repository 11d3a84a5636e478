package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient on a virtual ward enters the readings they took at home: a temperature given to two decimals is refused
 * with an NHS error message and the other numbers kept; corrected, the readings are saved as vital signs at one
 * time, performed by the patient, and listed.
 */
class PortalReadingsTest extends BrowserPageTest {

    @BeforeEach
    void thePatient() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
    }

    @Test
    void aPatientSendsTheReadingsTheyTookAtHome() {
        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Readings you take at home")).click();
        page.getByLabel("Heart rate (per minute)").fill("88");
        page.getByLabel("Oxygen saturation (%)").fill("95");
        page.getByLabel("Body temperature (°C)").fill("37.95");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save readings")).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Body temperature must be between 30 and 45, with at most one decimal place");
        assertThat(page.getByLabel("Heart rate (per minute)")).hasValue("88");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByLabel("Body temperature (°C)").fill("37.9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save readings")).click();
        assertThat(page.locator("#done")).containsText("Your care team can see your readings");
        assertThat(page.locator("#readings")).containsText("37.9 Cel");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        List<JsonNode> saved = fhir.get("/Observation?patient=Patient/demo-patient-1&code=http://loinc.org|8310-5&_sort=-date&_count=1").resources();
        assertThat(saved.getFirst().at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("37.9");
        assertThat(saved.getFirst().at("/performer/0/reference").asText()).isEqualTo("Patient/demo-patient-1");
        String when = saved.getFirst().path("effectiveDateTime").asText();
        assertThat(fhir.get("/Observation?patient=Patient/demo-patient-1&code=http://loinc.org|8867-4&date=eq" + when).resources()).hasSize(1);
    }
}
