package org.joinedup.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.ingest.Mllp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One person, one Patient: a feed's patient without a verified NHS number is found by a local number the record
 * holds, linked when their details agree closely, queued for a person when they only may be the same, and given a
 * new record otherwise. Merges (an A40 message, or a reviewer's decision) move the record to the surviving patient
 * and can be undone.
 */
class PatientMatchingTest extends FhirApiTest {

    @Autowired
    MllpListener listener;

    @Autowired
    JdbcTemplate jdbc;

    private String operator;

    @BeforeEach
    void signIn() {
        operator = new MintedTokens(jdbc).staff("matching-ops", "operator", "RYY", null, "");
    }

    /** An admission; nhsNumber may be null; pid32 is the NHS number's verification status, or empty. */
    static String admission(String facility, String controlId, String nhsNumber, String pid32, String mrn, String family, String given,
                            String birthDate, String sex, String postcode, String visit) {
        return "MSH|^~\\&|PAS|" + facility + "|JOINEDUP|ICS|20261126091400||ADT^A01^ADT_A01|" + controlId + "|P|2.4\r"
                + "EVN|A01|20261126091400\r"
                + "PID|1||" + (nhsNumber == null ? "" : nhsNumber + "^^^NHS^NH~") + mrn + "^^^" + facility + "^MR||" + family + "^" + given
                + "||" + birthDate + "|" + sex + "|||1 Mill Lane^^Warrington^^" + postcode + "^GBR" + "|".repeat(21) + pid32 + "\r"
                + "PV1|1|I|Ward 4||||||||||||||||" + visit + "\r";
    }

    @Test
    void aHospitalPatientWithoutAnNhsNumberWhoseDetailsAgreeIsLinkedToTheRecordsPatient() throws Exception {
        assertThat(send(admission("RYY", "MATCH-1", "9990310017", "01", "RYY-M1", "Linkwell", "Ada", "19310305", "F", "WA1 1AA", "VM1"))).isEqualTo("AA");
        assertThat(send(admission("R9M", "MATCH-2", null, "", "R9M-555", "LINKWELL", "Ada", "19310305", "F", "WA1 1AA", "VM2"))).isEqualTo("AA");

        JsonNode found = fhir.get("/Patient?family=Linkwell").json();
        assertThat(found.path("total").asInt()).as("one person, one record").isEqualTo(1);
        JsonNode patient = found.at("/entry/0/resource");
        assertThat(patient.path("identifier").toString()).contains("9990310017", "RYY-M1", "R9M-555");
        assertThat(fhir.get("/Encounter?patient=" + patient.path("id").asText()).json().path("total").asInt()).isEqualTo(2);
        assertThat(outcome("MATCH-2")).contains("Linked to Patient/" + patient.path("id").asText(), "score 17");

        assertThat(send(admission("R9M", "MATCH-3", null, "", "R9M-555", "Linkwell", "Ada", "19310305", "F", "WA1 1AA", "VM3"))).isEqualTo("AA");
        assertThat(outcome("MATCH-3")).as("found by the number it learned").isNull();
    }

    @Test
    void anNhsNumberThatIsNotVerifiedIsNotEnoughOnItsOwn() throws Exception {
        assertThat(send(admission("RYY", "MATCH-10", "9990310025", "01", "RYY-M10", "Tracewell", "Bo", "19340607", "M", "WA2 2BB", "VM10"))).isEqualTo("AA");
        // the same NHS number, "trace required", but a different person's details
        assertThat(send(admission("R9M", "MATCH-11", "9990310025", "03", "R9M-610", "Other", "Cy", "19800101", "F", "L1 1AA", "VM11"))).isEqualTo("AA");
        assertThat(fhir.get("/Patient?family=Tracewell").json().path("total").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Patient?family=Other&birthdate=1980-01-01").json().path("total").asInt()).as("not joined to Tracewell").isEqualTo(1);
        JsonNode other = fhir.get("/Patient?family=Other&birthdate=1980-01-01").json().at("/entry/0/resource");
        assertThat(other.path("identifier").toString()).contains("UKCore-NHSNumberVerificationStatus", "\"code\":\"03\"");
    }

    @Test
    void aPossibleMatchGetsItsOwnRecordAndWaitsForAReviewerWhoCanMergeAndUndo() throws Exception {
        assertThat(send(admission("RYY", "MATCH-20", null, "", "RYY-M20", "Twinning", "Ann", "19320404", "F", "WA3 3CC", "VM20"))).isEqualTo("AA");
        assertThat(send(admission("R9C", "MATCH-21", null, "", "R9C-21", "Twinning", "Beth", "19320404", "F", "WA3 3CC", "VM21"))).isEqualTo("AA");
        assertThat(fhir.get("/Patient?family=Twinning").json().path("total").asInt()).isEqualTo(2);
        assertThat(outcome("MATCH-21")).contains("queued for review", "score 12");

        JsonNode review = openReview("Twinning");
        assertThat(review.at("/review/reasons").asText()).contains("given name different (-2)", "birth date the same (+5)");
        assertThat(review.at("/newRecord/name").asText()).isEqualTo("TWINNING, Beth");
        String survivor = review.at("/candidate/id").asText();
        String merged = review.at("/newRecord/id").asText();

        JsonNode decided = json(http("POST", "/staff/api/matching/reviews/" + review.at("/review/id").asLong(), "{\"decision\":\"same\"}"));
        assertThat(decided.path("status").asText()).isEqualTo("merged");
        assertThat(fhir.get("/Encounter?patient=" + survivor).json().path("total").asInt()).isEqualTo(2);
        JsonNode old = fhir.get("/Patient/" + merged).json();
        assertThat(old.path("active").asBoolean()).isFalse();
        assertThat(old.at("/link/0/type").asText()).isEqualTo("replaced-by");
        assertThat(old.at("/link/0/other/reference").asText()).isEqualTo("Patient/" + survivor);
        assertThat(fhir.get("/Patient/" + survivor).json().path("identifier").toString()).contains("R9C-21");
        assertThat(openReview("Twinning")).as("decided").isNull();

        long mergeId = decided.path("mergeId").asLong();
        assertThat(http("POST", "/staff/api/merges/" + mergeId + "/undo", "{}").statusCode()).as("a reason is needed").isEqualTo(409);
        assertThat(http("POST", "/staff/api/merges/" + mergeId + "/undo", "{\"reason\":\"They are twins\"}").statusCode()).isEqualTo(200);
        assertThat(fhir.get("/Encounter?patient=" + survivor).json().path("total").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Encounter?patient=" + merged).json().path("total").asInt()).isEqualTo(1);
        JsonNode restored = fhir.get("/Patient/" + merged).json();
        assertThat(restored.path("link").isMissingNode()).isTrue();
        assertThat(restored.path("identifier").toString()).contains("R9C-21");
        assertThat(fhir.get("/Patient/" + survivor).json().path("identifier").toString()).doesNotContain("R9C-21");
        assertThat(fhir.get("/Patient/" + merged + "/_history").json().path("total").asInt()).as("nothing erased: every step a version").isEqualTo(3);
        JsonNode merges = json(http("GET", "/staff/api/merges", null));
        assertThat(merges.toString()).contains("They are twins");
    }

    @Test
    void aReviewerCanKeepTwoRecordsApart() throws Exception {
        assertThat(send(admission("RYY", "MATCH-30", null, "", "RYY-M30", "Apartly", "Dee", "19350808", "F", "WA4 4DD", "VM30"))).isEqualTo("AA");
        assertThat(send(admission("R9L", "MATCH-31", null, "", "R9L-31", "Apartly", "Eve", "19350808", "F", "WA4 4DD", "VM31"))).isEqualTo("AA");
        JsonNode review = openReview("Apartly");
        JsonNode decided = json(http("POST", "/staff/api/matching/reviews/" + review.at("/review/id").asLong(), "{\"decision\":\"different\"}"));
        assertThat(decided.path("status").asText()).isEqualTo("kept-apart");
        assertThat(fhir.get("/Patient?family=Apartly&active:not=false").json().path("total").asInt()).isEqualTo(2);
        assertThat(http("POST", "/staff/api/matching/reviews/" + review.at("/review/id").asLong(), "{\"decision\":\"same\"}").statusCode())
                .as("already decided").isEqualTo(409);
    }

    @Test
    void anA40MergeMovesTheRecordToTheSurvivorOnceAndCanBeUndone() throws Exception {
        assertThat(send(admission("RYY", "MATCH-40", null, "", "RYY-A1", "Mergeford", "Sam", "19330505", "M", "WA5 5EE", "VA1"))).isEqualTo("AA");
        assertThat(send(admission("RYY", "MATCH-41", null, "", "RYY-A2", "Mergeford", "Samuel", "19330505", "M", "WA5 5EE", "VA2"))).isEqualTo("AA");
        assertThat(openReview("Mergeford")).as("a likely duplicate registration").isNotNull();
        String survivor = id("RYY-A1");
        String prior = id("RYY-A2");

        String a40 = "MSH|^~\\&|PAS|RYY|JOINEDUP|ICS|20261126100000||ADT^A40^ADT_A39|MATCH-42|P|2.4\r"
                + "EVN|A40|20261126100000\r"
                + "PID|1||RYY-A1^^^RYY^MR||Mergeford^Sam||19330505|M|||1 Mill Lane^^Warrington^^WA5 5EE^GBR\r"
                + "MRG|RYY-A2^^^RYY^MR\r";
        assertThat(send(a40)).isEqualTo("AA");
        assertThat(outcome("MATCH-42")).contains("Patient/" + prior + " merged into Patient/" + survivor);
        assertThat(fhir.get("/Encounter?patient=" + survivor).json().path("total").asInt()).isEqualTo(2);
        assertThat(fhir.get("/Patient/" + prior).json().at("/link/0/type").asText()).isEqualTo("replaced-by");
        assertThat(fhir.get("/Patient/" + survivor).json().at("/link/0/type").asText()).isEqualTo("replaces");
        assertThat(id("RYY-A2")).as("the old number now finds the survivor").isEqualTo(survivor);
        assertThat(openReview("Mergeford")).as("the merge settled the review").isNull();

        assertThat(send(a40.replace("MATCH-42", "MATCH-43"))).as("the same merge again").isEqualTo("AA");
        assertThat(outcome("MATCH-43")).contains("nothing to merge");

        long mergeId = jdbc.queryForObject("SELECT id FROM patient_merge WHERE merged = ?", Long.class, prior);
        assertThat(http("POST", "/staff/api/merges/" + mergeId + "/undo", "{\"reason\":\"Merged in error\"}").statusCode()).isEqualTo(200);
        assertThat(fhir.get("/Encounter?patient=" + prior).json().path("total").asInt()).isEqualTo(1);
        assertThat(id("RYY-A2")).isEqualTo(prior);
        assertThat(http("POST", "/staff/api/merges/" + mergeId + "/undo", "{\"reason\":\"again\"}").statusCode()).as("only once").isEqualTo(409);
        assertThat(http("POST", "/staff/api/merges/999999/undo", "{\"reason\":\"no such\"}").statusCode()).isEqualTo(404);
        assertThat(http("POST", "/staff/api/matching/reviews/999999", "{\"decision\":\"same\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsSeeTheQueue() throws Exception {
        String clinician = new MintedTokens(jdbc).staff("matching-doc", "clinician", "RYY", null, "");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/staff/api/matching/reviews")).header("Authorization", "Bearer " + clinician).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private String id(String mrn) {
        return fhir.get("/Patient?identifier=https://fhir.joinedup.nhs.uk/Id/local/ryy|" + mrn).json().at("/entry/0/resource/id").asText();
    }

    private JsonNode openReview(String family) throws Exception {
        for (JsonNode pair : json(http("GET", "/staff/api/matching/reviews", null)).path("reviews")) {
            if (pair.at("/newRecord/name").asText().startsWith(family.toUpperCase(java.util.Locale.ROOT))) {
                return pair;
            }
        }
        return null;
    }

    private String outcome(String controlId) {
        return jdbc.queryForObject("SELECT reason FROM hl7_message WHERE control_id = ? AND status = 'accepted'", String.class, controlId);
    }

    private String send(String message) throws Exception {
        try (Mllp mllp = new Mllp(listener.port())) {
            String ack = mllp.send(message);
            return Mllp.code(ack).equals("AA") ? "AA" : Mllp.code(ack) + " " + Mllp.field(ack, "MSA", 3);
        }
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FhirClient.JSON.readTree(response.body());
    }
}
