package org.joinedup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every portal page on a phone (375 pixels wide): nothing wider than the screen, and no serious or critical accessibility problem. */
class PortalOnAPhoneTest extends BrowserPageTest {

    static Page phone;

    @BeforeEach
    void thePatientSignedInOnAPhone() {
        if (phone == null) {
            fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                    + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
            phone = signedIn("patient");
            phone.setViewportSize(375, 740);
        }
    }

    @AfterAll
    static void forget() {
        phone = null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/portal", "/portal/appointments", "/portal/letters", "/portal/care-plans", "/portal/about-me", "/portal/mood",
            "/portal/messages", "/portal/contact-preferences", "/portal/questionnaires", "/portal/questionnaires/phq-9",
            "/portal/questionnaires/pre-operative-assessment-adult", "/portal/questionnaires/emergency-care-preferences", "/portal/record-access", "/portal/information",
            "/portal/information/cardiology-clinic"})
    void thePageFitsAPhoneAndIsAccessible(String path) {
        phone.navigate(path);
        int overflow = ((Number) phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).as("pixels wider than the phone's screen").isLessThanOrEqualTo(0);
        assertThat(Accessibility.seriousViolations(phone)).isEmpty();
    }
}
