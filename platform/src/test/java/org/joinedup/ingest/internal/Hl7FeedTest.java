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
import org.joinedup.fhir.Tokens;
import org.joinedup.ingest.Mllp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hospital system sends ADT messages over MLLP (or HTTP): each is acknowledged, kept with its outcome, and becomes
 * the patient's record with its source; the same message twice changes nothing; a message that cannot be used is
 * rejected with the reason, kept as a dead letter, and can be corrected and replayed.
 */
class Hl7FeedTest extends FhirApiTest {

    @Autowired
    MllpListener listener;

    @Autowired
    JdbcTemplate jdbc;

    static String adt(String event, String controlId, String nhsNumber, String mrn, String family, String street, String visit) {
        return "MSH|^~\\&|PAS|RYY|JOINEDUP|ICS|20261126091400||ADT^" + event + "^ADT_A01|" + controlId + "|P|2.4\r"
                + "EVN|" + event + "|20261126091400\r"
                + "PID|1||" + (nhsNumber == null ? "" : nhsNumber + "^^^NHS^NH~") + mrn + "^^^RYY^MR||" + family + "^Alex^J^^Mx||19600214|F|||"
                + street + "^^Warrington^^WA1 2AB^GBR||01925 000000\r"
                + "PV1|1|I|Ward 4^Bay 2^Bed 3||||||||||||||||" + visit + "|||||||||||||||||||||||||20261126091000\r";
    }

    private String send(String message) throws Exception {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(message);
        }
    }

    @Test
    void anAdmissionBecomesThePatientAndTheirStayWithWhereItCameFrom() throws Exception {
        String ack = send(adt("A01", "MSG-A01-1", "9990000034", "RYY100", "Feedwell", "1 Bridge Street", "V100"));
        assertThat(Mllp.code(ack)).isEqualTo("AA");
        assertThat(Mllp.field(ack, "MSA", 2)).isEqualTo("MSG-A01-1");

        JsonNode patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000034").json().at("/entry/0/resource");
        assertThat(patient.at("/name/0/family").asText()).isEqualTo("Feedwell");
        assertThat(patient.at("/birthDate").asText()).isEqualTo("1960-02-14");
        assertThat(patient.path("identifier").toString()).contains("https://fhir.joinedup.nhs.uk/Id/local/ryy", "RYY100");
        assertThat(patient.at("/meta/source").asText()).isEqualTo("urn:joinedup:hl7v2:pas@ryy#MSG-A01-1");
        String id = patient.path("id").asText();
        JsonNode stay = fhir.get("/Encounter?patient=" + id).json().at("/entry/0/resource");
        assertThat(stay.path("status").asText()).isEqualTo("in-progress");
        assertThat(stay.at("/class/code").asText()).isEqualTo("IMP");
        assertThat(stay.at("/period/start").asText()).startsWith("2026-11-26T09:10:00");
        JsonNode provenance = fhir.get("/Provenance?target=Patient/" + id).json().at("/entry/0/resource");
        assertThat(provenance.at("/agent/0/who/display").asText()).isEqualTo("PAS at RYY");
        assertThat(provenance.at("/entity/0/what/identifier/value").asText()).isEqualTo("MSG-A01-1");
    }

    @Test
    void aTransferMovesTheStayAndACancelledTransferMovesItBack() throws Exception {
        assertThat(Mllp.code(send(adt("A01", "MSG-A12-1", "9990310033", "RYY-T1", "Moved", "1 Bridge Street", "VT1")))).isEqualTo("AA");
        assertThat(Mllp.code(send(adt("A02", "MSG-A12-2", "9990310033", "RYY-T1", "Moved", "1 Bridge Street", "VT1").replace("Ward 4", "Ward 9"))))
                .isEqualTo("AA");
        String patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990310033").json().at("/entry/0/resource/id").asText();
        assertThat(fhir.get("/Encounter?patient=" + patient).json().at("/entry/0/resource/location/0/location/display").asText()).isEqualTo("Ward 9");
        assertThat(Mllp.code(send(adt("A12", "MSG-A12-3", "9990310033", "RYY-T1", "Moved", "1 Bridge Street", "VT1")))).isEqualTo("AA");
        JsonNode stay = fhir.get("/Encounter?patient=" + patient).json();
        assertThat(stay.path("total").asInt()).as("one stay, moved back").isEqualTo(1);
        assertThat(stay.at("/entry/0/resource/location/0/location/display").asText()).isEqualTo("Ward 4");
        assertThat(stay.at("/entry/0/resource/status").asText()).isEqualTo("in-progress");
    }

    @Test
    void theSameMessageTwiceChangesNothingAndALaterUpdateChangesTheSamePatient() throws Exception {
        String message = adt("A01", "MSG-DUP-1", "9990000042", "RYY200", "Twice", "2 Bridge Street", "V200");
        String first = send(message);
        String again = send(message);
        assertThat(again).isEqualTo(first);
        JsonNode bundle = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000042").json();
        assertThat(bundle.path("total").asInt()).isEqualTo(1);
        assertThat(bundle.at("/entry/0/resource/meta/versionId").asText()).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hl7_message WHERE control_id = 'MSG-DUP-1' AND status = 'duplicate'", Integer.class))
                .isEqualTo(1);

        assertThat(Mllp.code(send(adt("A08", "MSG-DUP-2", "9990000042", "RYY200", "Twice", "9 New Road", "V200")))).isEqualTo("AA");
        JsonNode updated = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000042").json();
        assertThat(updated.path("total").asInt()).isEqualTo(1);
        assertThat(updated.at("/entry/0/resource/address/0/line/0").asText()).isEqualTo("9 New Road");
        assertThat(fhir.get("/Encounter?identifier=https://fhir.joinedup.nhs.uk/Id/local/ryy/visit|V200").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aLateMessageAboutAnOlderEventDoesNotOverwriteNewerDetails() throws Exception {
        String newer = adt("A08", "MSG-ORDER-2", "9990000123", "RYY700", "Ordered", "2 New Street", "V700").replace("EVN|A08|20261126091400",
                "EVN|A08|20261126120000");
        String older = adt("A08", "MSG-ORDER-1", "9990000123", "RYY700", "Ordered", "1 Old Street", "V700").replace("EVN|A08|20261126091400",
                "EVN|A08|20261126080000");
        assertThat(Mllp.code(send(newer))).isEqualTo("AA");
        assertThat(Mllp.code(send(older))).as("still acknowledged and kept").isEqualTo("AA");
        JsonNode patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123").json().at("/entry/0/resource");
        assertThat(patient.at("/address/0/line/0").asText()).isEqualTo("2 New Street");
        assertThat(patient.at("/meta/versionId").asText()).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT reason FROM hl7_message WHERE control_id = 'MSG-ORDER-1'", String.class)).contains("Older than the record");
        assertThat(fhir.get("/Provenance?target=Patient/" + patient.path("id").asText()).json().path("total").asInt())
                .as("the late message's source is still recorded").isEqualTo(2);
    }

    @Test
    void updatesForOnePatientArrivingTogetherOutOfOrderLeaveTheNewest() throws Exception {
        assertThat(Mllp.code(send(adt("A01", "MSG-RACE-0", "9990310041", "RYY-R1", "Racer", "0 Race Street", "VR1")))).isEqualTo("AA");
        java.util.List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(4));
        java.util.List<String> acks = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Thread> senders = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            java.util.List<Integer> mine = order.subList(c * 6, c * 6 + 6);
            senders.add(Thread.ofVirtual().start(() -> {
                try (Mllp mllp = new Mllp(listener.port())) {
                    for (int n : mine) {
                        String update = adt("A08", "MSG-RACE-" + n, "9990310041", "RYY-R1", "Racer", n + " Race Street", "VR1")
                                .replace("EVN|A08|20261126091400", "EVN|A08|202611261" + (100 + n) + "00").replace("Ward 4", "Ward " + n);
                        acks.add(Mllp.code(mllp.send(update)));
                    }
                } catch (java.io.IOException e) {
                    acks.add(e.toString());
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertThat(acks).hasSize(24).containsOnly("AA");
        JsonNode patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990310041").json().at("/entry/0/resource");
        assertThat(patient.at("/address/0/line/0").asText()).as("the latest event's address").isEqualTo("24 Race Street");
        JsonNode stay = fhir.get("/Encounter?patient=" + patient.path("id").asText()).json().at("/entry/0/resource");
        assertThat(stay.at("/location/0/location/display").asText()).as("the latest event's ward").isEqualTo("Ward 24");
    }

    @Test
    void aMessageThatCannotBeUsedIsRejectedKeptAndCanBeCorrectedAndReplayed() throws Exception {
        String noIdentifier = adt("A01", "MSG-BAD-1", null, "", "Nobody", "3 Bridge Street", "V300");
        String ack = send(noIdentifier);
        assertThat(Mllp.code(ack)).isEqualTo("AE");
        assertThat(Mllp.field(ack, "MSA", 3)).contains("no identifier");
        assertThat(Mllp.code(send("this is not HL7"))).isEqualTo("AR");
        assertThat(Mllp.code(send(adt("A01", "MSG-BAD-2", "9990000043", "RYY300", "Checkdigit", "4 Bridge Street", "V301")))).as("bad NHS number")
                .isEqualTo("AE");

        String operator = new MintedTokens(jdbc).staff("ops", "operator", "RYY", null, "");
        JsonNode dead = FhirClient.JSON.readTree(http("GET", "/staff/api/hl7/dead-letters", operator, null).body());
        JsonNode kept = null;
        for (JsonNode letter : dead.path("deadLetters")) {
            if ("MSG-BAD-1".equals(letter.path("controlId").asText())) {
                kept = letter;
            }
        }
        assertThat(kept).isNotNull();
        assertThat(kept.path("reason").asText()).contains("no identifier");
        assertThat(kept.path("raw").asText()).isEqualTo(noIdentifier);

        String corrected = adt("A01", "MSG-BAD-1", "9990000050", "RYY301", "Somebody", "3 Bridge Street", "V300");
        HttpResponse<String> replayed = http("POST", "/staff/api/hl7/messages/" + kept.path("id").asLong() + "/replay", operator, corrected);
        assertThat(Mllp.code(replayed.body())).isEqualTo("AA");
        assertThat(jdbc.queryForObject("SELECT resolved_by IS NOT NULL FROM hl7_message WHERE id = ?", Boolean.class, kept.path("id").asLong())).isTrue();
        assertThat(fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000050").json().path("total").asInt()).isEqualTo(1);
        assertThat(http("GET", "/staff/api/hl7/dead-letters", new MintedTokens(jdbc).staff("dr", "clinician", "RYY", null, "user/*.rs"), null)
                .statusCode()).as("operators only").isEqualTo(403);
    }

    @Autowired
    UnprocessedMessages unprocessed;

    static String oru(String controlId, String nhsNumber, String pidName, String status, String potassium) {
        return "MSH|^~\\&|WINPATH|RYY|JOINEDUP|ICS|20261126101500||ORU^R01^ORU_R01|" + controlId + "|P|2.4\r"
                + "PID|1||" + nhsNumber + "^^^NHS^NH||" + pidName + "\r"
                + "OBR|1|PL-77|LAB-4401|U_E^Urea and electrolytes^L|||20261126093000|||||||20261126093500|BLD^Blood|||||||20261126101400|||" + status + "\r"
                + "OBX|1|NM|2823-3^Potassium^LN||" + potassium + "|mmol/L^^UCUM|3.5-5.3|H|||" + status + "|||20261126093000\r"
                + "OBX|2|NM|2951-2^Sodium^LN||140|mmol/L^^UCUM|133-146|N|||" + status + "|||20261126093000\r"
                + "OBX|3|TX|8251-1^Comment^LN||Sample slightly haemolysed||||||" + status + "\r";
    }

    @Test
    void resultsBecomeAReportWithObservationsAndACorrectionReplacesThem() throws Exception {
        assertThat(Mllp.code(send(adt("A04", "MSG-ORU-ADT", "9990000085", "RYY600", "Results", "7 Bridge Street", "V600")))).isEqualTo("AA");
        assertThat(Mllp.code(send(oru("MSG-ORU-1", "9990000085", "", "P", "5.9")))).isEqualTo("AA");
        String patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000085").matchIds().getFirst();
        JsonNode report = fhir.get("/DiagnosticReport?patient=" + patient).json().at("/entry/0/resource");
        assertThat(report.path("status").asText()).isEqualTo("preliminary");
        assertThat(report.at("/code/text").asText()).isEqualTo("Urea and electrolytes");
        assertThat(report.path("result")).hasSize(3);
        JsonNode potassium = fhir.get("/Observation?patient=" + patient + "&code=http://loinc.org|2823-3").json().at("/entry/0/resource");
        assertThat(potassium.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("5.9");
        assertThat(potassium.at("/valueQuantity/code").asText()).isEqualTo("mmol/L");
        assertThat(potassium.at("/referenceRange/0/high/value").decimalValue()).isEqualByComparingTo("5.3");
        assertThat(potassium.at("/interpretation/0/coding/0/code").asText()).isEqualTo("H");
        assertThat(fhir.get("/Specimen?patient=" + patient).json().path("total").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Patient/" + patient).json().at("/name/0/family").asText()).as("a lab's PID does not overwrite the PAS's")
                .isEqualTo("Results");

        assertThat(Mllp.code(send(oru("MSG-ORU-2", "9990000085", "", "C", "4.1")))).isEqualTo("AA");
        JsonNode corrected = fhir.get("/Observation?patient=" + patient + "&code=http://loinc.org|2823-3").json();
        assertThat(corrected.path("total").asInt()).isEqualTo(1);
        assertThat(corrected.at("/entry/0/resource/valueQuantity/value").decimalValue()).isEqualByComparingTo("4.1");
        assertThat(corrected.at("/entry/0/resource/status").asText()).isEqualTo("corrected");
        assertThat(fhir.get("/DiagnosticReport?patient=" + patient).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void resultsFromAnOrganisationTheRecordKnowsNameItAsTheirPerformer() throws Exception {
        String lab = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"RW6\"}],\"name\":\"Northern Care Alliance\"}")).path("id").asText();
        String message = oru("MSG-ORU-RW6", "9990310904", "Performer^Pat^^^^^L|||19700303|F", "F", "4.4").replace("|WINPATH|RYY|", "|WINPATH|RW6|");
        assertThat(Mllp.code(send(message))).isEqualTo("AA");
        String patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990310904").matchIds().getFirst();

        assertThat(fhir.get("/DiagnosticReport?patient=" + patient + "&performer=Organization/" + lab).json().path("total").asInt()).isEqualTo(1);
        assertThat(fhir.get("/Observation?patient=" + patient + "&performer=Organization/" + lab).json().path("total").asInt()).isEqualTo(3);
    }

    @Test
    void aLetterBecomesADocumentReferenceWithItsTextAndANewVersionReplacesIt() throws Exception {
        String letter = "MSH|^~\\&|EPR|RYY|JOINEDUP|ICS|20261126113000||MDM^T02^MDM_T02|%s|P|2.4\r"
                + "EVN|T02|20261126113000\r"
                + "PID|1||9990000107^^^NHS^NH||Letterbox^Lee||19700101|M\r"
                + "PV1|1|O\r"
                + "TXA|1|DS|TX|20261126112500|||||^Grey^Meredith^^^Dr|||DOC-991|||||%s\r"
                + "OBX|1|TX|18842-5^Discharge summary^LN||%s||||||F\r"
                + "OBX|2|TX|18842-5^Discharge summary^LN||Follow up in clinic in 6 weeks.||||||F\r";
        assertThat(Mllp.code(send(String.format(letter, "MSG-MDM-1", "IP", "Admitted with chest pain.")))).isEqualTo("AA");
        String patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000107").matchIds().getFirst();
        JsonNode document = fhir.get("/DocumentReference?patient=" + patient).json().at("/entry/0/resource");
        assertThat(document.path("docStatus").asText()).isEqualTo("preliminary");
        assertThat(document.at("/author/0/display").asText()).isEqualTo("Dr Meredith Grey");
        assertThat(new String(java.util.Base64.getDecoder().decode(document.at("/content/0/attachment/data").asText())))
                .isEqualTo("Admitted with chest pain.\nFollow up in clinic in 6 weeks.\n");

        assertThat(Mllp.code(send(String.format(letter, "MSG-MDM-2", "AU", "Admitted with chest pain; troponin normal.")))).isEqualTo("AA");
        JsonNode versions = fhir.get("/DocumentReference?patient=" + patient).json();
        assertThat(versions.path("total").asInt()).isEqualTo(1);
        assertThat(versions.at("/entry/0/resource/docStatus").asText()).isEqualTo("final");
        assertThat(versions.at("/entry/0/resource/meta/versionId").asText()).isEqualTo("2");
    }

    @Test
    void anAppointmentIsBookedMovedAndCancelledInPlace() throws Exception {
        String siu = "MSH|^~\\&|PAS|RYY|JOINEDUP|ICS|20261126120000||SIU^%s^SIU_S12|%s|P|2.5\r"
                + "SCH|PL-1|APPT-55||||Routine^Routine review|FU^Follow-up|Normal|30|min|^^30^%s^%s\r"
                + "PID|1||9990000115^^^NHS^NH||Booked^Bobby||19800505|M\r"
                + "RGS|1\r"
                + "AIL|1||CARD-OPD^^^RYY\r"
                + "AIP|1||C123^Heart^Harriet^^^Dr\r";
        assertThat(Mllp.code(send(String.format(siu, "S12", "MSG-SIU-1", "202612011000", "202612011030")))).isEqualTo("AA");
        String patient = fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000115").matchIds().getFirst();
        JsonNode appointment = fhir.get("/Appointment?patient=" + patient).json().at("/entry/0/resource");
        assertThat(appointment.path("status").asText()).isEqualTo("booked");
        assertThat(appointment.path("start").asText()).startsWith("2026-12-01T10:00:00");
        assertThat(appointment.path("participant").toString()).contains("Dr Harriet Heart", "CARD-OPD");

        assertThat(Mllp.code(send(String.format(siu, "S13", "MSG-SIU-2", "202612081400", "202612081430")))).isEqualTo("AA");
        assertThat(Mllp.code(send(String.format(siu, "S15", "MSG-SIU-3", "202612081400", "202612081430")))).isEqualTo("AA");
        JsonNode all = fhir.get("/Appointment?patient=" + patient).json();
        assertThat(all.path("total").asInt()).isEqualTo(1);
        assertThat(all.at("/entry/0/resource/status").asText()).isEqualTo("cancelled");
        assertThat(all.at("/entry/0/resource/start").asText()).startsWith("2026-12-08T14:00:00");
    }

    @Test
    void resultsForAPatientTheRecordDoesNotKnowAndCannotNameAreDeadLettered() throws Exception {
        String ack = send(oru("MSG-ORU-3", "9990000093", "", "F", "4.0"));
        assertThat(Mllp.code(ack)).isEqualTo("AE");
        assertThat(Mllp.field(ack, "MSA", 3)).contains("not known");
        assertThat(Mllp.code(send(oru("MSG-ORU-4", "9990000093", "Newcomer^Sam", "F", "4.0")))).as("named: created").isEqualTo("AA");
    }

    @Test
    void aMessageKeptButNotProcessedWhenThePlatformStoppedIsProcessedOnTheNextStart() {
        String message = adt("A28", "MSG-STOP-1", "9990000077", "RYY500", "Interrupted", "6 Bridge Street", "V500");
        long id = jdbc.queryForObject("INSERT INTO hl7_message (received, channel, raw, status, sending_application, sending_facility, control_id)"
                + " VALUES (now() - interval '1 hour', 'mllp 127.0.0.1', ?, 'received', 'PAS', 'RYY', 'MSG-STOP-1') RETURNING id", Long.class, message);
        unprocessed.run(null);
        assertThat(jdbc.queryForObject("SELECT status FROM hl7_message WHERE id = ?", String.class, id)).isEqualTo("accepted");
        assertThat(fhir.get("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000077").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void overHttpAMachineClientGetsTheSameAcknowledgement() throws Exception {
        HttpResponse<String> answer = http("POST", "/ingest/hl7v2", Tokens.system(port), adt("A04", "MSG-HTTP-1", "9990000069", "RYY400", "Posted",
                "5 Bridge Street", "V400"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Mllp.code(answer.body())).isEqualTo("AA");
        assertThat(http("POST", "/ingest/hl7v2", new MintedTokens(jdbc).patient("someone", "patient/*.rs"), "MSH|^~\\&|X").statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> http(String method, String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "x-application/hl7-v2+er7")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
