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
            // a message with a long link, as the surgery listing text has, must wrap on a phone
            String trust = fhir.create(org.joinedup.fhir.FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Phone Test Hospital\"}")).path("id").asText();
            fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                    + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}],"
                    + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700900018\",\"use\":\"mobile\"}]}");
            fhir.post("/ServiceRequest/$list-for-surgery", org.joinedup.fhir.FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":["
                    + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/demo-patient-1\"}},{\"name\":\"organization\",\"valueReference\":"
                    + "{\"reference\":\"Organization/" + trust + "\"}},{\"name\":\"procedure\",\"valueString\":\"http://snomed.info/sct|179344006\"}]}"));
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
            "/portal/questionnaires/pre-operative-assessment-adult", "/portal/questionnaires/pifu-request",
            "/portal/questionnaires/emergency-care-preferences", "/portal/record-access", "/portal/information", "/portal/proxies",
            "/portal/information/cardiology-clinic"})
    void thePageFitsAPhoneAndIsAccessible(String path) {
        phone.navigate(path);
        if (path.equals("/portal/messages")) { // the listing text is written in the background
            for (int tries = 0; tries < 50 && !phone.content().contains("Phone Test Hospital"); tries++) {
                phone.waitForTimeout(200);
                phone.reload();
            }
        }
        int overflow = ((Number) phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).as("pixels wider than the phone's screen").isLessThanOrEqualTo(0);
        assertThat(Accessibility.seriousViolations(phone)).isEmpty();
    }
}
