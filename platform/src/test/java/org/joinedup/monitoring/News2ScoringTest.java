package org.joinedup.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/**
 * NEWS2 is calculated whenever a complete set of vital signs is written through the FHIR API (Observations sharing an
 * effective time, or a panel with its members) and stored as a UK Core EarlyWarningTotalScore Observation, derived
 * from its inputs, its sub-scores as components; an incomplete set is not scored; scale 2 is used only when a
 * clinician's Flag prescribes it.
 */
class News2ScoringTest extends FhirApiTest {

    @Test
    void aTransactionOfVitalSignsTakenTogetherIsScored() {
        String patient = patient();
        String when = moment();
        postTogether(patient, when, ukCoreExampleReadings(), false);

        JsonNode score = scoreOf(patient);

        assertThat(score.at("/valueQuantity/value").asInt()).isEqualTo(5);
        assertThat(score.at("/valueQuantity/code").asText()).isEqualTo("{ScoreOf}");
        assertThat(score.at("/meta/profile/0").asText()).isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation-EarlyWarningTotalScore");
        assertThat(score.path("effectiveDateTime").asText()).isEqualTo(when);
        assertThat(score.path("derivedFrom")).hasSize(7);
        assertThat(score.path("component")).hasSize(7);
        assertThat(score.path("component").toString()).contains("1104301000000104").contains("1104311000000102");
        assertThat(score.at("/interpretation/0/text").asText()).startsWith("Medium clinical risk");
    }

    @Test
    void aPanelWithItsMembersIsScoredAndTheSameReadingsOnlyOnce() {
        String patient = patient();
        postTogether(patient, moment(), ukCoreExampleReadings(), true);

        JsonNode score = scoreOf(patient);

        assertThat(score.at("/valueQuantity/value").asInt()).isEqualTo(5);
        assertThat(score.path("derivedFrom")).hasSize(7);
        new VitalSignsAgain().settle(fhir);
        assertThat(fhir.get("/Observation?subject=Patient/" + patient + "&code=http://snomed.info/sct|1104051000000101").matchIds()).hasSize(1);
    }

    @Test
    void anIncompleteSetIsNotScored() {
        String incomplete = patient();
        postTogether(incomplete, moment(), ukCoreExampleReadings().subList(0, 6), false); // no level of consciousness
        String complete = patient();
        postTogether(complete, moment(), ukCoreExampleReadings(), false);

        scoreOf(complete); // the one written after it is scored: the incomplete one has been looked at

        assertThat(fhir.get("/Observation?subject=Patient/" + incomplete + "&code=http://snomed.info/sct|1104051000000101").matchIds()).isEmpty();
    }

    @Test
    void spo2IsScoredOnScaleTwoOnlyWhenAClinicianPrescribedIt() {
        String patient = patient();
        fhir.create(FhirClient.parse("{\"resourceType\":\"Flag\",\"status\":\"active\",\"code\":{\"coding\":[{\"system\":"
                + "\"https://fhir.joinedup.nhs.uk/CodeSystem/news2\",\"code\":\"spo2-scale-2\",\"display\":\"SpO2 scale 2 prescribed (target 88-92%)\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}"));
        List<String> readings = List.of(loinc("9279-1", "Respiratory rate", 18, "/min"), loinc("59408-5", "Oxygen saturation", 89, "%"),
                loinc("8480-6", "Systolic blood pressure", 125, "mm[Hg]"), loinc("8867-4", "Heart rate", 80, "/min"),
                loinc("8310-5", "Body temperature", 37.0, "Cel"), airOrOxygen(false), alert());
        postTogether(patient, moment(), readings, false);

        JsonNode score = scoreOf(patient);

        assertThat(score.at("/valueQuantity/value").asInt()).as("SpO2 89 scores 0 on scale 2, 3 on scale 1").isEqualTo(0);
        assertThat(score.path("component").toString()).contains("1104321000000108").doesNotContain("1104311000000102");
    }

    /** The UK Core example's readings: RR 21, SpO2 93 on air, SBP 120, HR 95, 37.5 °C, alert. */
    static List<String> ukCoreExampleReadings() {
        return List.of(loinc("9279-1", "Respiratory rate", 21, "/min"), loinc("2708-6", "Oxygen saturation", 93, "%"),
                loinc("8480-6", "Systolic blood pressure", 120, "mm[Hg]"), loinc("8867-4", "Heart rate", 95, "/min"),
                loinc("8310-5", "Body temperature", 37.5, "Cel"), airOrOxygen(false), alert());
    }

    private String patient() {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Wardpatient\"}]}")).path("id").asText();
    }

    private static String moment() {
        return Instant.now().minus(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 100_000), ChronoUnit.SECONDS)
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The readings as Observations of one transaction at one time (or as a panel's members). */
    private void postTogether(String patient, String when, List<String> readings, boolean asPanel) {
        StringBuilder entries = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < readings.size(); i++) {
            String body = readings.get(i).replace("$SUBJECT", "Patient/" + patient).replace("$WHEN", when);
            entries.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:00000000-0000-0000-0000-00000000000").append(i).append("\",\"resource\":")
                    .append(body).append(",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
            members.append(i == 0 ? "" : ",").append("{\"reference\":\"urn:uuid:00000000-0000-0000-0000-00000000000").append(i).append("\"}");
        }
        if (asPanel) {
            entries.append(",{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                    + "\"http://loinc.org\",\"code\":\"85353-1\",\"display\":\"Vital signs panel\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                    + "\"effectiveDateTime\":\"" + when + "\",\"hasMember\":[" + members + "]},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
        }
        FhirClient.Response answer = fhir.post("", FhirClient.parse("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private JsonNode scoreOf(String patient) {
        return Eventually.await(() -> fhir.get("/Observation?subject=Patient/" + patient + "&code=http://snomed.info/sct|1104051000000101").resources(),
                found -> !found.isEmpty()).getFirst();
    }

    static String loinc(String code, String display, double value, String unit) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]},\"subject\":{\"reference\":\"$SUBJECT\"},"
                + "\"effectiveDateTime\":\"$WHEN\",\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"" + unit + "\"}}";
    }

    static String airOrOxygen(boolean oxygen) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\""
                + (oxygen ? "371825009\",\"display\":\"Patient on oxygen\"" : "722742002\",\"display\":\"Breathing room air\"")
                + "}]},\"subject\":{\"reference\":\"$SUBJECT\"},\"effectiveDateTime\":\"$WHEN\"}";
    }

    static String alert() {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":"
                + "\"1104441000000107\",\"display\":\"ACVPU (Alert Confusion Voice Pain Unresponsive) scale score\"}]},\"subject\":{\"reference\":\"$SUBJECT\"},"
                + "\"effectiveDateTime\":\"$WHEN\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"248234008\","
                + "\"display\":\"Mentally alert\"}]}}";
    }

    /** Waits for the calculator to have looked at everything written so far, by scoring one more complete set after it. */
    private final class VitalSignsAgain {
        void settle(FhirClient client) {
            String other = patient();
            postTogether(other, moment(), ukCoreExampleReadings(), false);
            scoreOf(other);
        }
    }
}
