package org.joinedup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every page, as each kind of user sees it, scanned with axe-core: no serious or critical accessibility violations. */
class AccessibilityTest extends BrowserPageTest {

    private String patient() {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        String id = "a11y-patient";
        fhir.put("/Patient/" + id, FhirClient.parse("{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990310076\"}],\"name\":[{\"family\":\"Access\",\"given\":[\"Ada\"]}],"
                + "\"birthDate\":\"1950-01-01\",\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\"}]}"));
        for (String[] o : new String[][] {{"1", "2026-01-01", "50"}, {"2", "2026-06-01", "55"}}) {
            fhir.put("/Observation/" + id + "-o" + o[0], FhirClient.parse("{\"resourceType\":\"Observation\",\"id\":\"" + id + "-o" + o[0] + "\","
                    + "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\","
                    + "\"code\":\"laboratory\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"59261-8\",\"display\":\"HbA1c\"}]},"
                    + "\"subject\":{\"reference\":\"Patient/" + id + "\"},\"effectiveDateTime\":\"" + o[1] + "\",\"valueQuantity\":{\"value\":" + o[2] + "}}"));
        }
        fhir.put("/DocumentReference/" + id + "-d1", FhirClient.parse("{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "-d1\",\"status\":"
                + "\"current\",\"subject\":{\"reference\":\"Patient/" + id + "\"},\"date\":\"2026-02-01T10:00:00Z\",\"description\":\"Clinic letter\","
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"U2Vlbi4=\"}}]}"));
        return id;
    }

    @org.junit.jupiter.api.Test
    void theScanFindsAViolationPlantedInAPage() {
        Page page = page();
        page.navigate("/auth/login");
        page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/nowhere.png\"><input type=\"text\">')");
        assertThat(Accessibility.seriousViolations(page)).anyMatch(v -> v.startsWith("image-alt")).anyMatch(v -> v.startsWith("label"));
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({
        "nobody,         /auth/login",
        "patient,        /",
        "patient,        /portal",
        "gp.clinician,   /staff/patients?search=1&nhs=999+031+0076",
        "gp.clinician,   /staff/patients?search=1&nhs=123",
        "gp.clinician,   /staff/patients/{patient}",
        "gp.clinician,   /staff/patients/{patient}/timeline",
        "gp.clinician,   /staff/patients/{patient}/timeline?q=clinic",
        "locum.clinician, /staff/role",
        "gp.clinician,   /staff/patients/{patient}/results",
        "gp.clinician,   /staff/patients/{patient}/documents",
        "gp.clinician,   /staff/patients/{patient}/documents/{patient}-d1",
        "hospital.clinician, /staff/patients/{patient}",
        "hospital.clinician, /staff/break-glass?patient={patient}",
        "operator,       /staff/hl7",
        "operator,       /staff/matching",
        "ig.auditor,     /staff/audit?search=1&patient={patient}",
        "ig.auditor,     /staff/audit?search=1&patient=999+000+0019",
        "ig.auditor,     /staff/break-glass/reviews",
    })
    void hasNoSeriousOrCriticalViolations(String user, String path) {
        String patient = patient();
        Page page = user.equals("nobody") ? page() : signedIn(user);
        page.navigate(path.replace("{patient}", patient));
        List<String> violations = Accessibility.seriousViolations(page);
        assertThat(violations).as(page.url()).isEmpty();
    }
}
