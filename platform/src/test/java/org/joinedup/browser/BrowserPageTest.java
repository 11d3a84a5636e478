package org.joinedup.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test of the platform's pages in a real browser (Debian Chromium), started once per test class. */
abstract class BrowserPageTest extends FhirApiTest {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** A new page on the platform under test, signed in as nobody. */
    protected Page page() {
        return browser.newPage("http://localhost:" + port);
    }

    /** A new page, signed in as one of the demo accounts (password {@code demo-password}). */
    protected Page signedIn(String username) {
        Page page = page();
        signIn(page, username, "demo-password");
        return page;
    }

    protected static void signIn(Page page, String username, String password) {
        page.navigate("/auth/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
