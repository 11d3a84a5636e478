package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes the synthetic region, deterministically: the same seed, size and date make the same resources, and each
 * patient depends only on the seed and their number, so any range of patients can be made on its own. The first
 * two patients are the demo accounts' ({@code demo-patient-1}, {@code demo-patient-2}), registered at the demo
 * practice; the first has a stay in the demo trust's hospital in progress.
 */
final class RegionGenerator {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SNOMED = "http://snomed.info/sct";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final int patients;
    private final LocalDate today;
    private final boolean care;
    final RegionOrganisations organisations;

    RegionGenerator(long seed, int patients, LocalDate today) {
        this(seed, patients, today, true);
    }

    /**
     * @param care whether patients get their care too (observations, appointments, medicines, care plans, letters),
     *             or only demographics, problem lists and hospital stays (for loading millions)
     */
    RegionGenerator(long seed, int patients, LocalDate today, boolean care) {
        this.seed = seed;
        this.patients = patients;
        this.today = today;
        this.care = care;
        this.organisations = new RegionOrganisations(patients);
    }

    int patients() {
        return patients;
    }

    /** The organisations and their staff (Practitioner and PractitionerRole), the demo staff first. */
    List<ObjectNode> organisationsAndStaff() {
        List<ObjectNode> resources = new ArrayList<>();
        List<RegionOrganisations.Org> all = new ArrayList<>(organisations.practices);
        all.addAll(organisations.others);
        for (RegionOrganisations.Org org : all) {
            resources.add(RegionResources.organization(org));
        }
        RegionClinics.clinics(organisations.trust, resources);
        RegionHomeCare.places(organisations, resources);
        RegionOrganisations.Org practice = organisations.practices.getFirst();
        staff(resources, "demo-gp", "Demo", "GP", "Dr", practice, "62247001", "General practitioner");
        staff(resources, "demo-consultant", "Demo", "Consultant", "Dr", organisations.trust, "309343006", "Physician");
        staff(resources, "demo-carer", "Demo", "Carer", null, practice, "133932002", "Caregiver");
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (RegionOrganisations.Org org : all) {
            int count = org.kind().equals("GP practice") ? 3 : org.kind().equals("Acute trust") ? 8 : 2;
            for (int i = 0; i < count; i++) {
                boolean female = random.nextBoolean();
                String[] role = org.kind().equals("GP practice") ? (i == 0 ? new String[] {"62247001", "General practitioner"}
                        : new String[] {"224535009", "Registered nurse"}) : org.kind().equals("Acute trust") ? new String[] {"309343006", "Physician"}
                        : org.kind().contains("care") || org.kind().contains("Care") ? new String[] {"133932002", "Caregiver"}
                        : new String[] {"224535009", "Registered nurse"};
                staff(resources, "staff-" + (++n), People.pick(random, female ? People.FEMALE : People.MALE), People.pick(random, People.SURNAMES),
                        role[0].equals("62247001") || role[0].equals("309343006") ? "Dr" : null, org, role[0], role[1]);
            }
        }
        return resources;
    }

    private static void staff(List<ObjectNode> resources, String id, String given, String family, String prefix, RegionOrganisations.Org org,
                              String roleCode, String roleDisplay) {
        resources.add(RegionResources.practitioner(id, given, family, prefix));
        resources.add(RegionResources.practitionerRole(id, org, roleCode, roleDisplay));
    }

    /** Patients {@code from} (inclusive) to {@code to} (exclusive), each with their problem list and any hospital stay. */
    void patients(int from, int to, Consumer<ObjectNode> out) {
        for (int index = from; index < Math.min(to, patients); index++) {
            patient(index, out);
        }
    }

    private void patient(int index, Consumer<ObjectNode> out) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String id = index < 2 ? "demo-patient-" + (index + 1) : String.format("rp-%07d", index);
        int age = index == 0 ? 68 : index == 1 ? 34 : People.age(random);
        boolean female = index == 0 ? false : index == 1 || People.female(random, age);
        RegionOrganisations.Org practice = index < 2 ? organisations.practices.getFirst()
                : organisations.practices.get(random.nextInt(organisations.practices.size()));
        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
        String given = People.pick(random, female ? People.FEMALE : People.MALE);
        String family = People.pick(random, People.SURNAMES);
        ObjectNode patient = RegionResources.patient(id, RegionNumbers.nhsNumber(index), given, family, female, birth,
                random.nextInt(180) + 1 + " " + People.pick(random, Places.STREETS), practice.town().name(), Places.postcode(random, practice.town()),
                String.format("07700 900%03d", random.nextInt(1000)), practice);
        out.accept(patient);
        int condition = 0;
        java.util.Map<String, String> conditions = new java.util.LinkedHashMap<>(); // SNOMED code -> Condition id
        for (Conditions.Condition c : Conditions.ALL) {
            boolean has = index == 0 ? c.code().equals("59621000") || c.code().equals("44054006") : random.nextDouble() < c.prevalence(age);
            if (has) {
                int onsetAge = Math.max(c.minimumAge(), age - random.nextInt(Math.max(1, Math.min(age - c.minimumAge() + 1, 25))));
                LocalDate onset = birth.plusYears(onsetAge).plusDays(random.nextInt(365));
                String conditionId = id + "-c" + (++condition);
                conditions.put(c.code(), conditionId);
                out.accept(RegionResources.condition(conditionId, id, c, onset.isAfter(today) ? today : onset, practice));
            }
        }
        boolean hypertension = conditions.containsKey("59621000");
        boolean diabetes = conditions.containsKey("44054006");
        boolean onWard = index == 0 || random.nextDouble() < 0.015;
        if (onWard) {
            out.accept(RegionResources.inpatientStay(id + "-e1", id, organisations.trust, today.minusDays(index == 0 ? 2 : random.nextInt(10))));
        }
        if (!this.care) {
            return;
        }
        SplittableRandom care = random.split();
        SplittableRandom treatment = random.split();
        SplittableRandom personal = random.split();
        SplittableRandom waiting = random.split();
        RegionCare.reviews(care, id, hypertension, diabetes, today, out);
        if (onWard) {
            RegionCare.wardObservations(care, id, today, out);
        }
        RegionCare.appointments(care, id, practice, organisations.trust, today, out);
        List<ObjectNode> prescriptions = new ArrayList<>();
        RegionMedicines.forConditions(treatment, id, List.copyOf(conditions.keySet()), practice, today, r -> {
            if ("MedicationRequest".equals(r.path("resourceType").asText())) {
                prescriptions.add(r);
            }
            out.accept(r);
        });
        RegionDocuments.carePlans(treatment, id, age, conditions.get("84114007"), conditions.get("52448006"), practice, today, out);
        RegionPersonalCare.about(personal, id, family, age, conditions, practice, today, index == 0, out);
        RegionClinics.waiting(waiting, id, organisations.trust, today, out);
        RegionHomeCare.forPatient(index, id, age, onWard, seed, organisations, today, out);
        RegionHomeCare.dispenser(index, id, age, prescriptions, organisations, today, out);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
