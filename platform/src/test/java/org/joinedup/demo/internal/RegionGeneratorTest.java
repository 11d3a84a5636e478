package org.joinedup.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joinedup.shared.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic region is the same every time for the same seed, size and date, and looks like the North West. */
class RegionGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static List<ObjectNode> patients(long seed, int count) {
        List<ObjectNode> resources = new ArrayList<>();
        new RegionGenerator(seed, count, TODAY).patients(0, count, resources::add);
        return resources;
    }

    private static List<ObjectNode> ofType(List<ObjectNode> resources, String type) {
        return resources.stream().filter(r -> r.path("resourceType").asText().equals(type)).toList();
    }

    @Test
    void theSameSeedSizeAndDateMakeTheSameRegionAndAnotherSeedAnother() {
        assertThat(patients(7, 300).toString()).isEqualTo(patients(7, 300).toString());
        assertThat(patients(8, 300).toString()).isNotEqualTo(patients(7, 300).toString());
        List<ObjectNode> part = new ArrayList<>();
        new RegionGenerator(7, 300, TODAY).patients(100, 200, part::add);
        assertThat(part.getFirst().path("id").asText()).as("a range of patients is made on its own, the same").isEqualTo("rp-0000100");
        assertThat(patients(7, 300).toString()).contains(part.getFirst().toString());
    }

    @Test
    void patientsWithLongTermConditionsHaveTheirRepeatMedicinesCarePlansAndClinicLetters() {
        List<ObjectNode> region = patients(2026, 3000);
        List<ObjectNode> requests = ofType(region, "MedicationRequest");
        assertThat(requests).isNotEmpty();
        assertThat(requests.toString()).contains("\"code\":\"319283006\",\"display\":\"Amlodipine 5mg tablets\"",
                "\"code\":\"325278007\",\"display\":\"Metformin 500mg tablets\"");
        ObjectNode statement = ofType(region, "MedicationStatement").getFirst();
        assertThat(statement.at("/extension/0/url").asText()).isEqualTo(RegionMedicines.LAST_ISSUE);
        assertThat(statement.at("/basedOn/0/reference").asText()).startsWith("MedicationRequest/");
        // the demo's first patient has hypertension and diabetes, and so both medicines (each usually)
        assertThat(ofType(region, "MedicationRequest").stream().filter(r -> r.at("/subject/reference").asText().equals("Patient/demo-patient-1")))
                .isNotEmpty();

        List<ObjectNode> plans = ofType(region, "CarePlan");
        assertThat(plans.stream().map(p -> p.path("title").asText()).distinct())
                .contains("Heart failure care plan", "Dementia care plan", "End of life care plan");
        assertThat(plans.stream().filter(p -> p.path("title").asText().startsWith("Heart")).findFirst().orElseThrow()
                .at("/addresses/0/reference").asText()).startsWith("Condition/");

        List<ObjectNode> letters = ofType(region, "DocumentReference");
        assertThat(letters).isNotEmpty();
        ObjectNode letter = letters.getFirst();
        String text = new String(java.util.Base64.getDecoder().decode(letter.at("/content/0/attachment/data").asText()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("clinic", "Seen: ");
        assertThat(letter.at("/type/coding/0/code").asText()).isEqualTo("371531000");
    }

    @Test
    void aRegionForLoadingMillionsHasOnlyDemographicsProblemListsAndStays() {
        List<ObjectNode> resources = new ArrayList<>();
        new RegionGenerator(2026, 500, TODAY, false).patients(0, 500, resources::add);
        assertThat(resources.stream().map(r -> r.path("resourceType").asText()).distinct()).containsOnly("Patient", "Condition", "Encounter");
    }

    @Test
    void everyNhsNumberIsValidUniqueAndNeverIssuedTheFirstHalfMillionFromTheTestRange() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 1_100_000; i += 7) {
            String number = RegionNumbers.nhsNumber(i);
            assertThat(NhsNumber.isValid(number)).as(number).isTrue();
            assertThat(seen.add(number)).as("unique " + number).isTrue();
            assertThat(number).startsWith(i < RegionNumbers.PER_BLOCK ? "999" : "99");
        }
        assertThat(RegionNumbers.nhsNumber(7_399_999)).startsWith("985");
    }

    @Test
    void theDemoAccountsPatientsAreTheFirstTwoAtTheDemoPractice() {
        List<ObjectNode> region = patients(2026, 10);
        ObjectNode first = ofType(region, "Patient").get(0);
        ObjectNode second = ofType(region, "Patient").get(1);
        assertThat(first.path("id").asText()).isEqualTo("demo-patient-1");
        assertThat(first.at("/identifier/0/value").asText()).isEqualTo("9990000018");
        assertThat(second.at("/identifier/0/value").asText()).isEqualTo("9990000026");
        assertThat(first.at("/generalPractitioner/0/reference").asText()).isEqualTo("Organization/org-Y90001");
        assertThat(ofType(region, "Encounter")).anySatisfy(e -> {
            assertThat(e.at("/subject/reference").asText()).isEqualTo("Patient/demo-patient-1");
            assertThat(e.at("/serviceProvider/reference").asText()).isEqualTo("Organization/org-RYY");
            assertThat(e.path("status").asText()).isEqualTo("in-progress");
        });
    }

    @Test
    void agesSexesAndConditionsFollowTheRegionsStructure() {
        int count = 20_000;
        List<ObjectNode> region = patients(2026, count);
        List<ObjectNode> people = ofType(region, "Patient");
        long over65 = people.stream().filter(p -> Period.between(LocalDate.parse(p.path("birthDate").asText()), TODAY).getYears() >= 65).count();
        long children = people.stream().filter(p -> Period.between(LocalDate.parse(p.path("birthDate").asText()), TODAY).getYears() < 16).count();
        long women = people.stream().filter(p -> p.path("gender").asText().equals("female")).count();
        assertThat(over65 / (double) count).as("65 and over (North West about 19%)").isBetween(0.16, 0.23);
        assertThat(children / (double) count).as("under 16 (about 18%)").isBetween(0.15, 0.21);
        assertThat(women / (double) count).isBetween(0.49, 0.53);
        List<ObjectNode> conditions = ofType(region, "Condition");
        long hypertension = conditions.stream().filter(c -> c.at("/code/coding/0/code").asText().equals("59621000")).count();
        long diabetes = conditions.stream().filter(c -> c.at("/code/coding/0/code").asText().equals("44054006")).count();
        assertThat(hypertension / (double) count).as("hypertension, all ages (QOF about 14-15%)").isBetween(0.12, 0.19);
        assertThat(diabetes / (double) count).as("type 2 diabetes, all ages (QOF about 6-7%)").isBetween(0.05, 0.09);
        assertThat(conditions).allSatisfy(c -> assertThat(LocalDate.parse(c.path("onsetDateTime").asText())).isBeforeOrEqualTo(TODAY));
        assertThat(people).allSatisfy(p -> assertThat(p.at("/address/0/postalCode").asText()).matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}"));
    }

    @Test
    void reviewsWardObservationsAndAppointmentsFollowTheConditionsAndTheDate() {
        int count = 5_000;
        List<ObjectNode> region = patients(2026, count);
        long hypertensive = ofType(region, "Condition").stream().filter(c -> c.at("/code/coding/0/code").asText().equals("59621000")).count();
        List<ObjectNode> observations = ofType(region, "Observation");
        assertThat(observations.stream().filter(o -> o.at("/code/coding/0/code").asText().equals("85354-9")).count())
                .as("three blood pressures per person with hypertension").isEqualTo(3 * hypertensive);
        long onWard = ofType(region, "Encounter").size();
        assertThat(observations.stream().filter(o -> o.at("/code/coding/0/code").asText().equals("9279-1")).count()).isEqualTo(onWard);
        List<ObjectNode> appointments = ofType(region, "Appointment");
        List<ObjectNode> past = appointments.stream().filter(a -> a.path("start").asText().compareTo(TODAY.toString()) < 0).toList();
        assertThat(past).isNotEmpty().allSatisfy(a -> assertThat(a.path("status").asText()).isIn("fulfilled", "noshow"));
        double notAttended = past.stream().filter(a -> a.path("status").asText().equals("noshow")).count() / (double) past.size();
        assertThat(notAttended).as("did not attend, about 7%").isBetween(0.05, 0.09);
        assertThat(appointments.stream().filter(a -> a.path("start").asText().compareTo(TODAY.plusDays(1).toString()) > 0))
                .isNotEmpty().allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("booked"));
    }

    @Test
    void theCommandWritesNdjsonOneFilePerType(@TempDir Path folder) throws Exception {
        long written = RegionCommand.write(new RegionGenerator(1, 100, TODAY), folder);
        assertThat(folder.resolve("Patient.ndjson")).exists();
        assertThat(Files.readAllLines(folder.resolve("Patient.ndjson"))).hasSize(100).allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":\"Patient\""));
        try (var files = Files.list(folder)) {
            assertThat(files.mapToLong(f -> {
                try {
                    return Files.readAllLines(f).size();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum()).isEqualTo(written);
        }
    }
}
