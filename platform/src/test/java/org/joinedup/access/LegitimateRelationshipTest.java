package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clinician opens a record only where there is a legitimate relationship (registration, open encounter,
 * appointment, care team...), or by breaking glass, which is flagged, audited and queued for review.
 */
class LegitimateRelationshipTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    MintedTokens minted;
    String practiceOds;
    String hospitalOds;
    String hospital;
    String registered;
    String stranger;
    String doctor;

    @BeforeEach
    void region() {
        minted = new MintedTokens(jdbc);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        practiceOds = "P" + tag;
        hospitalOds = "H" + tag;
        String practice = organization(practiceOds);
        hospital = organization(hospitalOds);
        doctor = fhir.create(FhirClient.parse("{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Doctor\"}]}")).path("id").asText();
        registered = patient("{\"reference\":\"Organization/" + practice + "\"}");
        stranger = patient(null);
    }

    private String organization(String ods) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"" + ods + "\"}],\"name\":\"" + ods + "\"}")).path("id").asText();
    }

    private String patient(String generalPractitioner) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Related\"}]"
                + (generalPractitioner == null ? "" : ",\"generalPractitioner\":[" + generalPractitioner + "]") + "}")).path("id").asText();
    }

    private FhirClient clinicianAt(String ods) {
        return fhir.as(minted.staff("clinician-" + ods, "clinician", ods, null, "user/*.cruds"));
    }

    @Test
    void theRegisteredPracticeOpensTheRecordAndNoOneElseDoes() {
        assertThat(clinicianAt(practiceOds).get("/Patient/" + registered).status()).isEqualTo(200);
        FhirClient.Response refused = clinicianAt(hospitalOds).get("/Patient/" + registered);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("legitimate relationship").contains("break glass").contains("Patient/" + registered);
    }

    @Test
    void staffWriteToTheRecordsOfTheirPatientsAndNoOthers() {
        String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Weight\"},\"subject\":{\"reference\":\"Patient/%s\"}}";

        FhirClient.Response mine = clinicianAt(practiceOds).post("/Observation", FhirClient.parse(observation.formatted(registered)));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        com.fasterxml.jackson.databind.node.ObjectNode changed = (com.fasterxml.jackson.databind.node.ObjectNode) mine.json();
        changed.put("status", "amended");
        assertThat(clinicianAt(practiceOds).put("/Observation/" + changed.path("id").asText(), changed).status()).isEqualTo(200);
        assertThat(clinicianAt(practiceOds).post("/Observation", FhirClient.parse(observation.formatted(stranger))).status()).isEqualTo(403);
    }

    @Test
    void searchesShowOnlyRelatedPatientsAndCountOnlyThem() {
        FhirClient.Response search = clinicianAt(practiceOds).get("/Patient?family=Related&_total=accurate&_count=1000");
        assertThat(search.matchIds()).contains(registered).doesNotContain(stranger);
    }

    @Test
    void anOpenEncounterRelatesTheHospitalUntilItIsFinished() {
        String encounter = fhir.create(FhirClient.parse("{\"resourceType\":\"Encounter\",\"status\":\"in-progress\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"},\"subject\":{\"reference\":\"Patient/" + stranger
                + "\"},\"serviceProvider\":{\"reference\":\"Organization/" + hospital + "\"}}")).path("id").asText();
        assertThat(clinicianAt(hospitalOds).get("/Patient/" + stranger).status()).isEqualTo(200);

        JsonNode finished = fhir.get("/Encounter/" + encounter).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) finished).put("status", "finished");
        assertThat(fhir.put("/Encounter/" + encounter, finished).status()).isEqualTo(200);
        assertThat(clinicianAt(hospitalOds).get("/Patient/" + stranger).status()).isEqualTo(403);
    }

    @Test
    void aBookedAppointmentAtAHospitalLocationRelatesTheHospital() {
        String clinic = fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"Clinic\",\"managingOrganization\":"
                + "{\"reference\":\"Organization/" + hospital + "\"}}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"participant\":["
                + "{\"actor\":{\"reference\":\"Patient/" + stranger + "\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"Location/" + clinic + "\"},\"status\":\"accepted\"}]}"));
        assertThat(clinicianAt(hospitalOds).get("/Patient/" + stranger).status()).isEqualTo(200);
    }

    @Test
    void aPractitionerInThePatientsCareTeamOpensTheRecordWhereverTheyWork() {
        fhir.create(FhirClient.parse("{\"resourceType\":\"CareTeam\",\"status\":\"active\",\"subject\":{\"reference\":\"Patient/" + stranger
                + "\"},\"participant\":[{\"member\":{\"reference\":\"Practitioner/" + doctor + "\"}}]}"));
        FhirClient member = fhir.as(minted.staff("doctor-" + doctor, "clinician", "ELSEWHERE", doctor, "user/*.cruds"));
        assertThat(member.get("/Patient/" + stranger).status()).isEqualTo(200);
        assertThat(clinicianAt("ELSEWHERE").get("/Patient/" + stranger).status()).isEqualTo(403);
    }

    @Test
    void breakingGlassOpensTheRecordForAWhileFlagsTheAuditAndQueuesAReview() throws Exception {
        String subject = "clinician-" + hospitalOds;
        String token = minted.staff(subject, "clinician", hospitalOds, null, "user/*.cruds");
        FhirClient clinician = fhir.as(token);
        assertThat(clinician.get("/Patient/" + stranger).status()).isEqualTo(403);

        HttpResponse<String> grant = post("/staff/api/break-glass", token,
                "patient=Patient/" + stranger + "&reason=emergency-care&text=" + URLEncoder.encode("Unconscious in ED", StandardCharsets.UTF_8));
        assertThat(grant.statusCode()).isEqualTo(201);
        assertThat(clinician.get("/Patient/" + stranger).status()).isEqualTo(200);

        Integer flagged = org.joinedup.fhir.Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE agent = ?"
                + " AND break_glass AND patients @> ARRAY[?]::text[]", Integer.class, subject, stranger), n -> n >= 2);
        assertThat(flagged).isGreaterThanOrEqualTo(2);
        String event = org.joinedup.fhir.Eventually.await(() -> jdbc.queryForList("SELECT content FROM audit_event WHERE agent = ?"
                + " AND action = 'read' AND break_glass ORDER BY seq DESC LIMIT 1", String.class, subject), rows -> !rows.isEmpty()).getFirst();
        assertThat(event).contains("ETREAT");

        String auditor = minted.staff("auditor-" + hospitalOds, "ig-auditor", hospitalOds, null, "");
        JsonNode queue = FhirClient.JSON.readTree(get("/staff/api/break-glass/reviews", auditor).body());
        JsonNode mine = null;
        for (JsonNode item : queue) {
            if (item.path("patient").asText().equals(stranger)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("reason").asText()).isEqualTo("emergency-care");
        assertThat(mine.path("text").asText()).isEqualTo("Unconscious in ED");
        assertThat(post("/staff/api/break-glass/" + mine.path("id").asText() + "/review", auditor, "outcome=accepted").statusCode())
                .isEqualTo(200);
        assertThat(get("/staff/api/break-glass/reviews", auditor).body()).doesNotContain(stranger);

        jdbc.update("UPDATE break_glass SET expires_at = now() - interval '1 minute' WHERE patient_id = ?", stranger);
        assertThat(clinician.get("/Patient/" + stranger).status()).as("the grant has expired").isEqualTo(403);
    }

    @Test
    void breakGlassNeedsAReasonAndAMemberOfStaff() throws Exception {
        String token = minted.staff("clinician-x", "clinician", hospitalOds, null, "user/*.cruds");
        assertThat(post("/staff/api/break-glass", token, "patient=Patient/" + stranger).statusCode()).isEqualTo(400);
        assertThat(post("/staff/api/break-glass", token, "patient=Patient/" + stranger + "&reason=other").statusCode()).isEqualTo(400);
        assertThat(post("/staff/api/break-glass", token, "patient=Patient/nobody&reason=emergency-care").statusCode()).isEqualTo(404);
        String patientToken = minted.patient(registered, "patient/*.rs");
        assertThat(post("/staff/api/break-glass", patientToken, "patient=Patient/" + stranger + "&reason=emergency-care").statusCode())
                .isEqualTo(403);
        String auditor = minted.staff("auditor-x", "ig-auditor", hospitalOds, null, "");
        assertThat(get("/staff/api/break-glass/reviews", token).statusCode()).as("clinicians do not review").isEqualTo(403);
        assertThat(get("/staff/api/break-glass/reviews", auditor).statusCode()).isEqualTo(200);
    }

    @Test
    void aPatientsObjectionToSharingLeavesOnlyThePracticeThatRecordedIt() throws Exception {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|" + practiceOds).matchIds().getFirst();
        fhir.create(FhirClient.parse("{\"resourceType\":\"Encounter\",\"status\":\"in-progress\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/" + registered
                + "\"},\"serviceProvider\":{\"reference\":\"Organization/" + hospital + "\"}}"));
        assertThat(clinicianAt(hospitalOds).get("/Patient/" + registered).status()).isEqualTo(200);

        fhir.create(FhirClient.parse("{\"resourceType\":\"Consent\",\"status\":\"active\",\"scope\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"patient-privacy\"}]},\"category\":[{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"59284-0\"}]}],\"patient\":{\"reference\":\"Patient/" + registered + "\"},"
                + "\"organization\":[{\"reference\":\"Organization/" + practice + "\"}],\"policyRule\":{\"text\":\"Objects to sharing\"},"
                + "\"provision\":{\"type\":\"deny\"}}"));

        assertThat(clinicianAt(hospitalOds).get("/Patient/" + registered).status()).isEqualTo(403);
        assertThat(clinicianAt(practiceOds).get("/Patient/" + registered).status()).isEqualTo(200);
        String token = minted.staff("clinician-ed-" + hospitalOds, "clinician", hospitalOds, null, "user/*.cruds");
        assertThat(post("/staff/api/break-glass", token, "patient=Patient/" + registered + "&reason=emergency-care").statusCode())
                .isEqualTo(201);
        assertThat(fhir.as(token).get("/Patient/" + registered).status()).as("break-glass overrides an objection").isEqualTo(200);
    }

    @Test
    void sensitiveRecordsAreHiddenFromRolesThatMayNotSeeThem() {
        String observation = fhir.create(FhirClient.parse("{\"resourceType\":\"Observation\",\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"PSY\"}]},\"status\":\"final\",\"code\":{\"text\":\"mental health\"},"
                + "\"subject\":{\"reference\":\"Patient/" + registered + "\"}}")).path("id").asText();
        String veryRestricted = fhir.create(FhirClient.parse("{\"resourceType\":\"Observation\",\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"V\"}]},\"status\":\"final\",\"code\":{\"text\":\"v\"},"
                + "\"subject\":{\"reference\":\"Patient/" + registered + "\"}}")).path("id").asText();
        FhirClient careWorker = fhir.as(minted.staff("carer-" + practiceOds, "care-worker", practiceOds, null, "user/*.rs"));
        FhirClient clinician = clinicianAt(practiceOds);

        assertThat(careWorker.get("/Observation?patient=" + registered).matchIds()).doesNotContain(observation, veryRestricted);
        assertThat(careWorker.get("/Observation/" + observation).status()).isEqualTo(403);
        assertThat(clinician.get("/Observation?patient=" + registered).matchIds()).contains(observation).doesNotContain(veryRestricted);
    }

    private HttpResponse<String> post(String path, String token, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
