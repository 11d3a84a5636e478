package org.joinedup.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.joinedup.notify.MessageStatuses;
import org.joinedup.scheduling.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waiting lists: listing for surgery texts the patient at once (no procedure named); the validation campaign asks
 * those waiting too long, records their answers and puts those who need a call on the worklist; a patient on
 * patient-initiated follow-up asks for an appointment within their window, and the clinic is told when it ends.
 */
@FhirTest
class WaitingListTest {

    @LocalServerPort
    int port;
    @Autowired
    MessageStatuses statuses;
    @Autowired
    PifuWindows pifuWindows;
    @Autowired
    JdbcTemplate jdbc;

    FhirClient staff;
    FhirClient patient;
    String patientId;
    String trust;

    @BeforeEach
    void aPatientWithAMobileAndATrust() {
        staff = new FhirClient(port);
        patientId = new Clinic(staff, "Ward 1").patient("Waiting", "[{\"system\":\"phone\",\"value\":\"07700900501\",\"use\":\"mobile\"}]");
        patient = staff.as(new MintedTokens(jdbc).patient(patientId, "patient/*.cruds"));
        trust = "Organization/" + staff.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"name\":\"Demo Surgical Trust\"}")).path("id").asText();
    }

    @Test
    void listingForSurgeryTextsThePatientAtOnceWithALinkToThePreOperativeQuestions() {
        FhirClient.Response listed = staff.post("/ServiceRequest/$list-for-surgery", params(
                "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/" + patientId + "\"}}",
                "{\"name\":\"organization\",\"valueReference\":{\"reference\":\"" + trust + "\"}}",
                "{\"name\":\"procedure\",\"valueString\":\"http://snomed.info/sct|179344006\"}",
                "{\"name\":\"procedure-text\",\"valueString\":\"Knee replacement\"}",
                "{\"name\":\"sub-specialty\",\"valueString\":\"110\"}", "{\"name\":\"priority\",\"valueString\":\"urgent\"}",
                "{\"name\":\"pathway\",\"valueString\":\"RYY-PATHWAY-1\"}"));

        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        JsonNode request = listed.json();
        assertThat(request.at("/category/0/coding/0/code").asText()).isEqualTo("surgery");
        assertThat(request.path("priority").asText()).isEqualTo("urgent");
        assertThat(request.at("/performerType/coding/0/code").asText()).isEqualTo("110");
        String id = request.path("id").asText();
        Eventually.await(() -> statuses.byReferencePrefix("waiting-list/" + id + "/"), m -> m.containsValue("delivered"));
        String body = jdbc.queryForObject("SELECT body FROM message WHERE reference = ?", String.class, "waiting-list/" + id + "/listed");
        assertThat(body).contains("added to the waiting list for an operation at Demo Surgical Trust").contains("/portal/go/")
                .doesNotContainIgnoringCase("knee");
    }

    @Test
    void theValidationCampaignAsksThoseWaitingTooLongAndTheirAnswersAreRecorded() {
        String longWait = entry(LocalDate.now().minusWeeks(20), null);
        String recent = entry(LocalDate.now().minusWeeks(2), null);
        String silent = entry(LocalDate.now().minusWeeks(30), validation(Instant.now().minus(30, ChronoUnit.DAYS), "asked"));
        String confirmedLongAgo = entry(LocalDate.now().minusWeeks(40), validation(Instant.now().minus(100, ChronoUnit.DAYS), "still-needed"));

        FhirClient.Response campaign = staff.post("/ServiceRequest/$validate-waiting-list?weeks=12", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(200);

        assertThat(outcome(longWait)).isEqualTo("asked");
        assertThat(outcome(recent)).isNull();
        assertThat(outcome(silent)).isEqualTo("no-answer");
        assertThat(outcome(confirmedLongAgo)).isEqualTo("asked");
        Map<String, String> messages = Eventually.await(() -> statuses.byReferencePrefix("waiting-list/" + longWait + "/validation/"), m -> m.containsValue("delivered"));
        assertThat(messages).hasSize(1);

        FhirClient.Response answer = patient.post("/ServiceRequest/" + longWait + "/$validation-answer",
                params("{\"name\":\"answer\",\"valueString\":\"wants-to-discuss\"}"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(outcome(longWait)).isEqualTo("wants-to-discuss");
        staff.post("/ServiceRequest/$validate-waiting-list?weeks=12", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(statuses.byReferencePrefix("waiting-list/" + longWait + "/validation/")).as("not asked again").hasSize(1);
        assertThat(patient.post("/ServiceRequest/$validate-waiting-list", FhirClient.parse("{\"resourceType\":\"Parameters\"}")).status()).isEqualTo(403);
    }

    @Test
    void aPatientOnFollowUpAsksForAnAppointmentWithinTheWindowAndTheClinicIsToldWhenItEnds() {
        String open = episode(LocalDate.now().minusDays(10), LocalDate.now().plusDays(30));
        String ended = episode(LocalDate.now().minusDays(200), LocalDate.now().minusDays(1));

        FhirClient.Response asked = patient.post("/EpisodeOfCare/" + open + "/$request-appointment", params("{\"name\":\"note\",\"valueString\":\"Pain is back\"}"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().at("/supportingInfo/0/reference").asText()).isEqualTo("EpisodeOfCare/" + open);
        assertThat(staff.get("/Task?focus=EpisodeOfCare/" + open).json().at("/entry/0/resource/code/text").asText()).contains("asked for a follow-up");
        FhirClient.Response late = patient.post("/EpisodeOfCare/" + ended + "/$request-appointment", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("contact your GP");

        pifuWindows.check();

        assertThat(staff.get("/EpisodeOfCare/" + ended).json().path("status").asText()).isEqualTo("finished");
        assertThat(staff.get("/Task?focus=EpisodeOfCare/" + ended).json().at("/entry/0/resource/code/text").asText()).contains("window has ended");
        assertThat(staff.get("/EpisodeOfCare/" + open).json().path("status").asText()).isEqualTo("active");
    }

    private String entry(LocalDate clockStart, String extension) {
        return staff.create(FhirClient.parse("{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\",\"category\":[{\"coding\":[{\"system\":"
                + "\"" + WaitingList.CATEGORY + "\",\"code\":\"outpatient\"}]}],\"subject\":{\"reference\":\"Patient/" + patientId + "\"},\"authoredOn\":\""
                + clockStart + "\",\"performer\":[{\"reference\":\"" + trust + "\"}]" + (extension == null ? "" : ",\"extension\":[" + extension + "]") + "}"))
                .path("id").asText();
    }

    private static String validation(Instant asked, String outcome) {
        return "{\"url\":\"" + WaitingList.VALIDATION + "\",\"extension\":[{\"url\":\"asked\",\"valueDateTime\":\"" + asked.truncatedTo(ChronoUnit.SECONDS)
                + "\"},{\"url\":\"outcome\",\"valueCode\":\"" + outcome + "\"}]}";
    }

    private String outcome(String id) {
        return WaitingList.outcome(staff.get("/ServiceRequest/" + id).json());
    }

    private String episode(LocalDate start, LocalDate end) {
        return staff.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"active\",\"type\":[{\"coding\":[{\"system\":\"" + Pifu.TYPE
                + "\",\"code\":\"pifu\"}]}],\"patient\":{\"reference\":\"Patient/" + patientId + "\"},\"managingOrganization\":{\"reference\":\"" + trust
                + "\"},\"period\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}")).path("id").asText();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode params(String... parameters) {
        return FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}");
    }
}
