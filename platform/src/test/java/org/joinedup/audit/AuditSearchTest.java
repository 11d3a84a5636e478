package org.joinedup.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Auditors search the audit; patients see, in plain words, who has used their record and why. */
class AuditSearchTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    MintedTokens minted;
    String ods;
    String patient;
    String clinician;

    @BeforeEach
    void aClinicianViewsARecord() {
        minted = new MintedTokens(jdbc);
        ods = "S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(java.util.Locale.ROOT);
        String practice = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Searchable Surgery\",\"identifier\":[{"
                + "\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"" + ods + "\"}]}")).path("id").asText();
        patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"generalPractitioner\":[{\"reference\":\"Organization/"
                + practice + "\"}]}")).path("id").asText();
        clinician = "dr-" + ods;
        assertThat(fhir.as(minted.staff(clinician, "clinician", ods, null, "user/*.cruds")).get("/Patient/" + patient).status()).isEqualTo(200);
        // the audit reaches the database from its journal a moment later
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE agent = ? AND patients @> ARRAY[?]::text[]",
                Integer.class, clinician, patient), n -> n > 0);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAuditorFindsTheViewByPatientByUserAndByOrganisation() throws Exception {
        String auditor = minted.staff("auditor", "ig-auditor", "RYY", null, "");
        for (String query : new String[] {"patient=" + patient, "agent=" + clinician, "organization=" + ods,
                "patient=" + patient + "&from=2020-01-01&to=2999-12-31"}) {
            JsonNode bundle = FhirClient.JSON.readTree(get("/staff/api/audit?" + query, auditor).body());
            assertThat(bundle.path("entry")).as(query).isNotEmpty();
            // other services read the record too (the analytics tables follow every change): find the clinician's view among them
            JsonNode event = java.util.stream.StreamSupport.stream(bundle.path("entry").spliterator(), false).map(e -> e.path("resource"))
                    .filter(e -> e.toString().contains(clinician)).findFirst().orElseThrow(() -> new AssertionError(query + ": " + bundle));
            assertThat(event.path("resourceType").asText()).isEqualTo("AuditEvent");
            assertThat(event.toString()).contains("Patient/" + patient).contains(clinician);
        }
        JsonNode none = FhirClient.JSON.readTree(get("/staff/api/audit?patient=" + patient + "&to=2000-01-01", auditor).body());
        assertThat(none.path("entry")).isEmpty();
    }

    @Test
    void onlyAuditorsSearchTheAudit() throws Exception {
        assertThat(get("/staff/api/audit?patient=" + patient, minted.staff(clinician, "clinician", ods, null, "user/*.cruds")).statusCode())
                .isEqualTo(403);
        assertThat(get("/staff/api/audit?patient=" + patient, minted.patient(patient, "patient/*.rs")).statusCode()).isEqualTo(403);
    }

    @Test
    void thePatientSeesTheOrganisationRoleAndReasonButNoStaffName() throws Exception {
        JsonNode lines = FhirClient.JSON.readTree(get("/portal/api/record-access", minted.patient(patient, "patient/*.rs")).body());
        assertThat(lines).isNotEmpty();
        JsonNode line = lines.path(0);
        assertThat(line.path("organisation").asText()).isEqualTo("Searchable Surgery");
        assertThat(line.path("role").asText()).isEqualTo("Clinician");
        assertThat(line.path("what").asText()).isEqualTo("Viewed your record");
        assertThat(line.path("why").asText()).isEqualTo("Your care");
        assertThat(line.path("staffName").isNull()).isTrue();
        assertThat(lines.toString()).doesNotContain(clinician);
    }

    @Test
    void aSignedInPatientSeesThePageInPlainLanguage() throws Exception {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|" + ods).matchIds().getFirst();
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"generalPractitioner\":[{"
                + "\"reference\":\"Organization/" + practice + "\"}]}");
        fhir.as(minted.staff(clinician, "clinician", ods, null, "user/*.cruds")).get("/Patient/demo-patient-1");
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE agent = ? AND patients @> ARRAY['demo-patient-1']",
                Integer.class, clinician), n -> n > 0);
        SignInFlow browser = new SignInFlow(port);
        browser.submitLogin("patient", "demo-password");
        HttpResponse<String> page = browser.page("/portal/record-access");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Who has used your record", "nhsuk-table", "Searchable Surgery", "Viewed your record")
                .doesNotContain(clinician);
    }
}
