package org.joinedup.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In a real browser, a GP finds a patient registered at their practice by NHS number, sees the banner and the
 * summary (medicines with their last issue, problems, allergies, results with a trend, care plans), and is told
 * plainly, with the break-glass offer, when a record is not theirs to open.
 */
class ClinicianRecordPagesTest extends BrowserPageTest {

    private String patient;

    @BeforeEach
    void aPatientRegisteredAtTheDemoPractice() {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990310068").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\","
                        + "\"value\":\"9990310068\"}],\"name\":[{\"family\":\"Bannerman\",\"given\":[\"Rose\"],\"prefix\":[\"Mrs\"]}],\"gender\":\"female\","
                        + "\"birthDate\":\"1941-03-14\",\"address\":[{\"line\":[\"4 Mill Lane\"],\"city\":\"Warrington\",\"postalCode\":\"WA1 1AA\"}],"
                        + "\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\",\"display\":\"Demo Practice\"}]}")).path("id").asText());
        String subject = "\"subject\":{\"reference\":\"Patient/" + patient + "\"}";
        String patientRef = "\"patient\":{\"reference\":\"Patient/" + patient + "\"}";
        fhir.put("/MedicationStatement/" + patient + "-m1", FhirClient.parse("{\"resourceType\":\"MedicationStatement\",\"id\":\"" + patient + "-m1\","
                + "\"extension\":[{\"url\":\"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate\","
                + "\"valueDateTime\":\"2026-11-02\"}],\"status\":\"active\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                + "\"code\":\"319283006\",\"display\":\"Amlodipine 5mg tablets\"}]}," + subject + ",\"dosage\":[{\"text\":\"One tablet once a day\"}],"
                + "\"informationSource\":{\"reference\":\"Organization/" + practice + "\",\"display\":\"Demo Practice\"}}"));
        fhir.put("/Condition/" + patient + "-c1", FhirClient.parse("{\"resourceType\":\"Condition\",\"id\":\"" + patient + "-c1\",\"clinicalStatus\":{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},\"code\":{\"coding\":[{\"system\":"
                + "\"http://snomed.info/sct\",\"code\":\"84114007\",\"display\":\"Heart failure\"}]}," + subject + ",\"onsetDateTime\":\"2019-05-01\"}"));
        fhir.put("/AllergyIntolerance/" + patient + "-a1", FhirClient.parse("{\"resourceType\":\"AllergyIntolerance\",\"id\":\"" + patient + "-a1\","
                + "\"code\":{\"text\":\"Penicillin\"}," + patientRef + ",\"reaction\":[{\"manifestation\":[{\"text\":\"Rash\"}]}],\"recordedDate\":\"2001-01-01\"}"));
        for (String[] hba1c : new String[][] {{"1", "2025-11-20", "52"}, {"2", "2026-11-20", "61"}}) {
            fhir.put("/Observation/" + patient + "-o" + hba1c[0], FhirClient.parse("{\"resourceType\":\"Observation\",\"id\":\"" + patient + "-o" + hba1c[0]
                    + "\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\","
                    + "\"code\":\"laboratory\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"59261-8\",\"display\":\"HbA1c\"}]},"
                    + subject + ",\"effectiveDateTime\":\"" + hba1c[1] + "\",\"valueQuantity\":{\"value\":" + hba1c[2] + ",\"unit\":\"mmol/mol\"},"
                    + "\"referenceRange\":[{\"low\":{\"value\":20},\"high\":{\"value\":41}}]}"));
        }
        String letter = java.util.Base64.getEncoder().encodeToString("Seen in the heart failure clinic.\nPlan: continue bisoprolol.".getBytes());
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes());
        for (String[] doc : new String[][] {{"d1", "text/plain", letter, "Heart failure clinic letter", "2026-10-01"}, {"d2", "application/pdf", pdf,
                "Echocardiogram report", "2026-09-01"}}) {
            fhir.put("/DocumentReference/" + patient + "-" + doc[0], FhirClient.parse("{\"resourceType\":\"DocumentReference\",\"id\":\"" + patient + "-"
                    + doc[0] + "\",\"status\":\"current\",\"type\":{\"text\":\"Letter\"}," + subject + ",\"date\":\"" + doc[4] + "T12:00:00Z\","
                    + "\"description\":\"" + doc[3] + "\",\"author\":[{\"display\":\"Cardiology, RYY\"}],\"content\":[{\"attachment\":{\"contentType\":\""
                    + doc[1] + "\",\"data\":\"" + doc[2] + "\"}}]}"));
        }
        fhir.put("/Goal/" + patient + "-wm", FhirClient.parse("{\"resourceType\":\"Goal\",\"id\":\"" + patient + "-wm\",\"lifecycleStatus\":\"active\","
                + "\"category\":[{\"coding\":[{\"system\":\"" + org.joinedup.shared.PersonalisedCare.SYSTEM + "\",\"code\":\"what-matters-to-me\"}]}],"
                + "\"description\":{\"text\":\"Staying at home with my cat\"}," + subject + ",\"expressedBy\":{\"display\":\"Rose Bannerman\"}}"));
        fhir.put("/Consent/" + patient + "-respect", FhirClient.parse("{\"resourceType\":\"Consent\",\"id\":\"" + patient + "-respect\",\"status\":\"active\","
                + "\"scope\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"adr\"}]},"
                + "\"category\":[{\"text\":\"ReSPECT\"}]," + patientRef + ",\"dateTime\":\"2026-08-01T11:00:00Z\","
                + "\"sourceAttachment\":{\"title\":\"ReSPECT form\"},\"policy\":[{\"uri\":\"https://www.resus.org.uk/respect\"}],"
                + "\"provision\":{\"type\":\"deny\",\"code\":[{\"text\":\"Not for attempted CPR\"}]}}"));
        fhir.put("/CareTeam/" + patient + "-team", FhirClient.parse("{\"resourceType\":\"CareTeam\",\"id\":\"" + patient + "-team\",\"status\":\"active\","
                + subject + ",\"participant\":[{\"role\":[{\"text\":\"Heart failure specialist nurse\"}],\"member\":{\"display\":\"Community heart failure team\"}}],"
                + "\"managingOrganization\":[{\"display\":\"Demo Practice\"}],\"telecom\":[{\"system\":\"phone\",\"value\":\"0300 123 0001\"}]}"));
        fhir.put("/RelatedPerson/" + patient + "-nok", FhirClient.parse("{\"resourceType\":\"RelatedPerson\",\"id\":\"" + patient + "-nok\",\"active\":true,"
                + patientRef + ",\"relationship\":[{\"text\":\"Daughter\"}],\"name\":[{\"given\":[\"Ella\"],\"family\":\"Bannerman\"}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"07700 900456\"}]}"));
        fhir.put("/CarePlan/" + patient + "-cp", FhirClient.parse("{\"resourceType\":\"CarePlan\",\"id\":\"" + patient + "-cp\",\"status\":\"active\","
                + "\"intent\":\"plan\",\"title\":\"End of life care plan\",\"description\":\"Preferred place of care: home.\"," + subject + "}"));
    }

    @Test
    void aGpFindsTheirPatientByNhsNumberAndSeesTheBannerAndSummary() {
        Page page = signedIn("gp.clinician");
        page.navigate("/staff/patients");
        page.getByLabel("NHS number").fill("999 031 0069");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page).hasTitle("Error: Find a patient – JoinedUp");
        assertThat(page.locator(".nhsuk-error-summary")).containsText("check digit");

        page.getByLabel("NHS number").fill("999 031 0068");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator row = page.locator("#results + table tr", new Page.LocatorOptions().setHasText("BANNERMAN"));
        assertThat(row).containsText("14-Mar-1941");
        assertThat(row).containsText("999 031 0068");
        row.getByRole(AriaRole.LINK).click();

        Locator banner = page.locator("#patient-banner");
        assertThat(banner.getByRole(AriaRole.HEADING)).hasText("BANNERMAN, Rose (Mrs)");
        assertThat(banner).containsText("999 031 0068");
        assertThat(banner).containsText("Demo Practice");
        assertThat(page.locator("#alerts")).containsText("1 allergy");
        assertThat(page.locator("#alerts")).containsText("Emergency care plan");
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Current medicines"))).containsText("last issued 02-Nov-2026");
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Active problems"))).containsText("Heart failure");
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Latest results"))).containsText("61 mmol/mol ↑");
        assertThat(section(page, "What matters to me")).containsText("Staying at home with my cat");
        assertThat(section(page, "Emergency care preferences")).containsText("ReSPECT form");
        assertThat(section(page, "Emergency care preferences")).containsText("Not for attempted CPR");
        assertThat(section(page, "Care team")).containsText("Community heart failure team");
        assertThat(section(page, "Care team")).containsText("Heart failure specialist nurse, 0300 123 0001");
        assertThat(section(page, "Key contacts")).containsText("Ella Bannerman");
        assertThat(section(page, "Key contacts")).containsText("Daughter, 07700 900456");
        // the README's screenshot of the summary (copied to docs/ by hand when the page changes)
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/patient-summary.png")).setFullPage(true));

        page.navigate("/staff/patients");
        assertThat(page.locator("#recent")).containsText("BANNERMAN, Rose");
    }

    private static Locator section(Page page, String heading) {
        return page.locator("section", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading))));
    }

    @Test
    void theTimelineShowsEveryEventNewestFirstPagesBackAndFiltersByKind() {
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        java.time.LocalDate first = java.time.LocalDate.of(2026, 1, 1);
        for (int day = 0; day < 55; day++) {
            String id = patient + "-hr" + day;
            bundle.append(day == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"").append(id)
                    .append("\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",")
                    .append("\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},")
                    .append("\"subject\":{\"reference\":\"Patient/").append(patient).append("\"},\"effectiveDateTime\":\"").append(first.plusDays(day))
                    .append("T09:00:00Z\",\"valueQuantity\":{\"value\":").append(60 + day).append(",\"unit\":\"/min\"}},")
                    .append("\"request\":{\"method\":\"PUT\",\"url\":\"Observation/").append(id).append("\"}}");
        }
        org.assertj.core.api.Assertions.assertThat(fhir.post("/", FhirClient.parse(bundle.append("]}").toString())).status()).isEqualTo(200);

        Page page = signedIn("gp.clinician");
        page.navigate("/staff/patients/" + patient);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();
        Locator rows = page.locator("#timeline tbody tr");
        assertThat(rows).hasCount(50);
        assertThat(page.locator("#alerts")).containsText("1 allergy");
        assertThat(rows.first()).containsText("20-Nov-2026");
        assertThat(rows.first()).containsText("61 mmol/mol");
        assertThat(rows.nth(1)).containsText("Heart failure clinic letter");
        assertThat(rows.nth(3)).containsText("24-Feb-2026 09:00");
        assertThat(rows.nth(3)).containsText("114 /min");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older events")).click();
        assertThat(rows).hasCount(11);
        assertThat(rows.first()).containsText("08-Jan-2026");
        assertThat(rows.last()).containsText("Allergy: Penicillin");
        assertThat(page.locator("#older")).hasCount(0);

        page.navigate("/staff/patients/" + patient + "/timeline");
        page.getByLabel("Observations").uncheck();
        page.getByLabel("Care events").uncheck();
        page.getByLabel("Documents").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(rows).hasCount(2);
        assertThat(page.locator("#timeline")).not().containsText("Heart rate");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/patient-timeline.png")).setFullPage(true));
    }

    @Test
    void theTimelineIsSearchedByWordsAnywhereInTheRecordWithTheMatchesMarkedAndFilteredByOrganisation() {
        String hospital = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Warrington Hospital\"}")).path("id").asText();
        fhir.put("/Encounter/" + patient + "-e1", FhirClient.parse("{\"resourceType\":\"Encounter\",\"id\":\"" + patient + "-e1\",\"status\":\"finished\","
                + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\",\"display\":\"inpatient encounter\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"period\":{\"start\":\"2026-06-01T10:00:00Z\",\"end\":\"2026-06-04T10:00:00Z\"},"
                + "\"serviceProvider\":{\"reference\":\"Organization/" + hospital + "\",\"display\":\"Warrington Hospital\"}}"));

        try {
            searchAndFilter(hospital);
        } finally {
            fhir.delete("/Encounter/" + patient + "-e1"); // the other tests count this patient's events
        }
    }

    private void searchAndFilter(String hospital) {
        Page page = signedIn("gp.clinician");
        page.navigate("/staff/patients/" + patient + "/timeline");
        page.getByLabel("Search this record").fill("bisopro");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        Locator rows = page.locator("#timeline tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(page.locator("#found")).containsText("1 entry found for bisopro");
        assertThat(rows.first()).containsText("Heart failure clinic letter");
        assertThat(rows.first().locator(".ju-extract mark")).hasText("bisoprolol");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/patient-timeline-search.png")).setFullPage(true));

        page.getByLabel("Search this record").fill("HBA1C");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(rows).hasCount(2);
        assertThat(rows.first().locator("mark")).hasText("HbA1c");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear the search")).click();
        page.getByLabel("Organisation").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Warrington Hospital"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Inpatient encounter");
        assertThat(page.getByLabel("Organisation")).hasValue("Organization/" + hospital);
    }

    @Test
    void resultsArePlottedAndTabledWithFlagsAndLettersAndReportsOpenInTheBrowser() {
        Page page = signedIn("gp.clinician");
        page.navigate("/staff/patients/" + patient);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Results")).click();
        Locator hba1c = page.locator("#test-59261-8");
        assertThat(hba1c.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("HbA1c over time"))).isVisible();
        assertThat(hba1c.locator("tbody tr")).hasCount(2);
        assertThat(hba1c.locator("tbody tr").first()).containsText("61");
        assertThat(hba1c.locator("tbody tr").first()).containsText("20–41");
        assertThat(hba1c.locator("tbody tr").first()).containsText("High");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/patient-results.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents")).click();
        assertThat(page.locator("#documents tbody tr")).hasCount(2);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Heart failure clinic letter")).click();
        assertThat(page.locator("#document-text")).containsText("Plan: continue bisoprolol.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All letters and reports")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Echocardiogram report")).click();
        String href = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the PDF (opens in the browser)")).getAttribute("href");
        com.microsoft.playwright.APIResponse pdf = page.request().get("http://localhost:" + port + href);
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        org.assertj.core.api.Assertions.assertThat(new String(pdf.body())).startsWith("%PDF-1.4");
    }

    @Test
    void aRecordWithoutALegitimateRelationshipIsRefusedWithTheBreakGlassOffer() {
        String stranger = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Stranger\"}]}")).path("id").asText();
        Page page = signedIn("hospital.clinician");
        page.navigate("/staff/patients/" + stranger);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You cannot open this record"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emergency access (break-glass)")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/staff/break-glass\\?patient=" + stranger));
    }
}
