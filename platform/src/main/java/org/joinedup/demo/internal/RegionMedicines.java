package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Repeat medicines for the region's long-term conditions, coded in dm+d (virtual medicinal products, whose codes
 * are SNOMED CT concepts, as UK Core codes medication): each a
 * MedicationRequest from the GP practice (a repeat prescription) and a MedicationStatement with the date of its
 * last issue (UK Core extension), as a GP system shares them. A sample of first-line treatments, not a formulary.
 */
final class RegionMedicines {

    static final String LAST_ISSUE = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate";

    /** A medicine: dm+d VMP code and name, and the dose as the label says it. */
    record Medicine(String code, String name, String dose) {
    }

    /** For each condition (SNOMED CT), the medicines a patient with it is likely to be on, and how likely. */
    private static final Map<String, List<Medicine>> FOR_CONDITION = Map.of(
            "59621000", List.of(new Medicine("319283006", "Amlodipine 5mg tablets", "One tablet once a day"),
                    new Medicine("318901006", "Ramipril 2.5mg capsules", "One capsule once a day")),
            "44054006", List.of(new Medicine("325278007", "Metformin 500mg tablets", "One tablet twice a day with meals")),
            "84114007", List.of(new Medicine("318590006", "Bisoprolol 5mg tablets", "One tablet once a day"),
                    new Medicine("317972000", "Furosemide 40mg tablets", "One tablet each morning"),
                    new Medicine("318056008", "Spironolactone 25mg tablets", "One tablet once a day")),
            "195967001", List.of(new Medicine("39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free",
                    "Two puffs when required for breathlessness")),
            "13645005", List.of(new Medicine("39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free",
                    "Two puffs when required for breathlessness")));

    private RegionMedicines() {
    }

    /** The medicines for a patient's conditions (each prescribed with a probability of 0.8, a medicine once). */
    static void forConditions(SplittableRandom random, String patient, List<String> conditions, RegionOrganisations.Org practice, LocalDate today,
                              Consumer<ObjectNode> out) {
        java.util.Set<String> given = new java.util.HashSet<>();
        int n = 0;
        for (String condition : conditions) {
            for (Medicine medicine : FOR_CONDITION.getOrDefault(condition, List.of())) {
                if (given.add(medicine.code()) && random.nextDouble() < 0.8) {
                    n++;
                    LocalDate started = today.minusDays(60 + random.nextInt(2000));
                    LocalDate lastIssue = today.minusDays(random.nextInt(56));
                    out.accept(request(patient + "-m" + n, patient, medicine, practice, started));
                    out.accept(statement(patient + "-ms" + n, patient + "-m" + n, patient, medicine, practice, started, lastIssue));
                }
            }
        }
    }

    private static ObjectNode request(String id, String patient, Medicine medicine, RegionOrganisations.Org practice, LocalDate started) {
        ObjectNode r = resource("MedicationRequest", id);
        r.put("status", "active");
        r.put("intent", "order");
        r.putObject("courseOfTherapyType").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy").put("code", "continuous")
                .put("display", "Continuous long term therapy");
        medication(r, medicine);
        r.putObject("subject").put("reference", "Patient/" + patient);
        r.put("authoredOn", started.toString());
        r.putObject("requester").put("reference", "Organization/" + practice.id()).put("display", practice.name());
        dosage(r.putArray("dosageInstruction").addObject(), medicine.dose());
        return r;
    }

    private static ObjectNode statement(String id, String request, String patient, Medicine medicine, RegionOrganisations.Org practice,
                                        LocalDate started, LocalDate lastIssue) {
        ObjectNode s = resource("MedicationStatement", id);
        s.putArray("extension").addObject().put("url", LAST_ISSUE).put("valueDateTime", lastIssue.toString());
        s.putArray("basedOn").addObject().put("reference", "MedicationRequest/" + request);
        s.put("status", "active");
        medication(s, medicine);
        s.putObject("subject").put("reference", "Patient/" + patient);
        s.putObject("effectivePeriod").put("start", started.toString());
        s.put("dateAsserted", lastIssue.toString());
        s.putObject("informationSource").put("reference", "Organization/" + practice.id()).put("display", practice.name());
        s.putArray("dosage").addObject().put("text", medicine.dose());
        return s;
    }

    /** The dosage as text and, where the label's words say it plainly, as structured timing (so dispensers can follow it). */
    static void dosage(ObjectNode dosage, String text) {
        dosage.put("text", text);
        String words = text.toLowerCase(java.util.Locale.ROOT);
        if (words.contains("when required")) {
            dosage.put("asNeededBoolean", true);
        } else if (words.contains("each morning")) {
            dosage.putObject("timing").putObject("repeat").putArray("when").add("MORN");
        } else if (words.contains("twice a day")) {
            dosage.putObject("timing").putObject("repeat").put("frequency", 2).put("period", 1).put("periodUnit", "d");
        } else if (words.contains("once a day")) {
            dosage.putObject("timing").putObject("repeat").put("frequency", 1).put("period", 1).put("periodUnit", "d");
        }
        if (words.contains("with meals")) {
            dosage.putArray("additionalInstruction").addObject().putArray("coding").addObject().put("system", "http://snomed.info/sct")
                    .put("code", "311504000").put("display", "With or after food");
        }
    }

    private static void medication(ObjectNode resource, Medicine medicine) {
        resource.putObject("medicationCodeableConcept").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                .put("code", medicine.code()).put("display", medicine.name());
    }

    static ObjectNode resource(String type, String id) {
        ObjectNode r = RegionGenerator.object().put("resourceType", type).put("id", id);
        r.putObject("meta").put("source", "urn:joinedup:demo-region");
        return r;
    }
}
