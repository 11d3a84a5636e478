package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.access.MintedTokens;
import org.joinedup.access.Proxies;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A patient sees who can act for them and stops one of them; only the patient themselves can. */
class PortalProxiesTest extends BrowserPageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPatientStopsSomeoneActingForThem() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
        ObjectNode consent = Proxies.name(fhir, "demo-patient-1", "9990310920");
        String proxy = consent.at("/provision/actor/0/reference/reference").asText();

        FhirClient someoneElse = fhir.as(new MintedTokens(jdbc).patient("demo-patient-1", "patient/*.cruds")); // not the patient's own sign-in
        assertThat(someoneElse.post("/Patient/demo-patient-1/$withdraw-proxy", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":"
                + "\"proxy\",\"valueReference\":{\"reference\":\"" + proxy + "\"}}]}")).status()).isEqualTo(403);

        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who can act for you")).click();
        assertThat(page.locator("#proxies")).containsText("9990310920");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.locator("#proxies li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("9990310920"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Stop them acting for you")).click();
        assertThat(page.locator("#done")).containsText("They can no longer see or use your record");
        assertThat(page.locator("main")).not().containsText("9990310920");
        assertThat(fhir.get("/Consent/" + consent.path("id").asText()).json().path("status").asText()).isEqualTo("inactive");
    }
}
