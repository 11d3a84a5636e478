package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/** A patient reads their clinic letter in the page and opens a PDF discharge summary; a letter hidden from patients never appears. */
class PortalLettersTest extends BrowserPageTest {

    @Test
    void aPatientReadsTheirLettersButNotOnesHiddenFromPatients() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String letter = document("Cardiology clinic letter " + tag, "text/plain", "Dear Demo,\nYour heart is doing well.\n", null);
        String pdf = document("Discharge summary " + tag, "application/pdf", "%PDF-1.4 not really", null);
        document("Safeguarding note " + tag, "text/plain", "Not for the patient", "safeguarding");

        Page page = signedIn("patient");
        page.navigate("/portal");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Letters and documents")).click();
        assertThat(page.locator("#letters")).containsText("Cardiology clinic letter " + tag);
        assertThat(page.locator("#letters")).containsText("Discharge summary " + tag + "");
        assertThat(page.locator("#letters")).not().containsText("Safeguarding note " + tag);
        assertThat(Accessibility.seriousViolations(page)).isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cardiology clinic letter " + tag)).click();
        assertThat(page.locator("#letter-text")).containsText("Your heart is doing well.");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        APIResponse file = page.request().get("/portal/letters/" + pdf + "/content");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(page.request().get("/portal/letters/" + letter.replace("-", "x") + "/content").status()).isEqualTo(404);
    }

    private String document(String title, String type, String content, String label) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"DocumentReference\"," + (label == null ? "" : "\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"" + label + "\"}]},") + "\"status\":\"current\",\"subject\":{\"reference\":"
                + "\"Patient/demo-patient-1\"},\"date\":\"2026-11-20T10:00:00Z\",\"description\":\"" + title + "\",\"custodian\":{\"display\":\"Demo Hospital\"},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"" + type + "\",\"data\":\"" + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
                + "\"}}]}")).path("id").asText();
    }
}
