package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;

/** In a real browser, an operator's pages: rejected HL7 v2 messages to replay, and possible duplicate records to merge or keep apart. */
class OperatorPagesTest extends BrowserPageTest {

    private String send(String message) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/hl7v2"))
                .header("Authorization", "Bearer " + Tokens.system(port)).POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anOperatorSeesARejectedHl7MessageWithItsReasonAndReplaysIt() throws Exception {
        String organisation = "ZZ" + (System.nanoTime() % 100_000);
        String message = "MSH|^~\\&|PAS|" + organisation + "|JOINEDUP|ICS|20261126091400||ADT^A28^ADT_A05|PAGE-" + organisation + "|P|2.4\r"
                + "PID|1||||Nameless^Nobody\r";
        org.assertj.core.api.Assertions.assertThat(send(message)).contains("MSA|AE");

        Page page = signedIn("operator");
        page.navigate("/staff/hl7");
        assertThat(page).hasTitle("Rejected HL7 messages – JoinedUp");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("PAGE-" + organisation));
        assertThat(row).containsText("no identifier");
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#outcome")).containsText("rejected again");
    }

    @Test
    void anOperatorMergesTwoRecordsOfOnePersonAndUndoesItWithAReason() throws Exception {
        String family = "Pagetwin" + (char) ('a' + System.nanoTime() % 26);
        for (String[] person : new String[][] {{"R9M", "PT-1", "Anna"}, {"R9C", "PT-2", "Anne-Marie"}}) {
            String admission = "MSH|^~\\&|PAS|" + person[0] + "|JOINEDUP|ICS|20261126091400||ADT^A01^ADT_A01|" + person[1] + family + "|P|2.4\r"
                    + "PID|1||" + person[1] + family + "^^^" + person[0] + "^MR||" + family + "^" + person[2] + "||19360909|F|||2 Mill Lane^^Warrington^^WA6 6FF\r"
                    + "PV1|1|I|Ward 1\r";
            org.assertj.core.api.Assertions.assertThat(send(admission)).contains("MSA|AA");
        }
        Page page = signedIn("operator");
        page.navigate("/staff/matching");
        assertThat(page).hasTitle("Possible duplicate records – JoinedUp");
        Locator pair = page.locator(".nhsuk-card", new Page.LocatorOptions().setHasText(family.toUpperCase(java.util.Locale.ROOT) + ", Anne-Marie"));
        assertThat(pair).containsText(family.toUpperCase(java.util.Locale.ROOT) + ", Anna");
        assertThat(pair).containsText("birth date the same (+5)");
        pair.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Same person: merge")).click();
        assertThat(page.locator("#outcome")).containsText("The records were merged");

        String mergeId = page.locator("#outcome").textContent().replaceAll("\\D+", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo merge " + mergeId)).click();
        assertThat(page.locator(".nhsuk-error-summary")).containsText("Say why the merge is being undone");
        page.getByLabel("Why undo merge " + mergeId + "?").fill("Two different people");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo merge " + mergeId)).click();
        assertThat(page.locator("#outcome")).containsText("Merge " + mergeId + " was undone");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Two different people"))).containsText("Undone by operator");
    }
}
