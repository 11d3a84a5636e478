package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.joinedup.shared.PersonalisedCare;

/**
 * What people have said about their own care, and who is around them: a next of kin for most older people, a
 * care team for those with long-term conditions, "what matters to me" in their own words, and for some of the
 * very old and frail a ReSPECT form with its recommendations (see {@link PersonalisedCare}).
 */
final class RegionPersonalCare {

    private static final List<String> WHAT_MATTERS = List.of(
            "Staying in my own home, with my cat", "Being able to walk to the shops and the library", "Seeing my grandchildren every week",
            "Not going back into hospital unless I really have to", "Keeping my garden going", "Getting to church on Sundays",
            "Being told plainly what is happening, with my daughter there", "Managing my own medicines");

    private RegionPersonalCare() {
    }

    static void about(SplittableRandom random, String patient, String family, int age, Map<String, String> conditions, RegionOrganisations.Org practice,
                      LocalDate today, boolean always, Consumer<ObjectNode> out) {
        if (always || age >= 60 && random.nextDouble() < 0.6) {
            out.accept(nextOfKin(random, patient, family, age, today));
        }
        if (always || !conditions.isEmpty() && random.nextDouble() < 0.5) {
            out.accept(careTeam(patient, conditions, practice, today.minusDays(random.nextInt(30, 1500))));
        }
        if (always || age >= 70 && random.nextDouble() < 0.4) {
            ObjectNode goal = RegionMedicines.resource("Goal", patient + "-wm");
            goal.put("lifecycleStatus", "active");
            goal.putArray("category").addObject().putArray("coding").addObject().put("system", PersonalisedCare.SYSTEM)
                    .put("code", PersonalisedCare.WHAT_MATTERS_TO_ME).put("display", "What matters to me");
            goal.putObject("description").put("text", People.pick(random, WHAT_MATTERS));
            goal.putObject("subject").put("reference", "Patient/" + patient);
            goal.put("startDate", today.minusDays(random.nextInt(10, 700)).toString());
            goal.putObject("expressedBy").put("reference", "Patient/" + patient).put("display", "The patient");
            out.accept(goal);
        }
        boolean frail = conditions.containsKey("84114007") || conditions.containsKey("52448006");
        if (age >= 85 && frail && random.nextDouble() < 0.3) {
            out.accept(respect(patient, practice, today.minusDays(random.nextInt(7, 400))));
        }
    }

    private static ObjectNode nextOfKin(SplittableRandom random, String patient, String family, int age, LocalDate today) {
        ObjectNode person = RegionMedicines.resource("RelatedPerson", patient + "-nok");
        boolean partner = age < 80 && random.nextBoolean();
        boolean female = random.nextBoolean();
        person.put("active", true);
        person.putObject("patient").put("reference", "Patient/" + patient);
        person.putArray("relationship").addObject().put("text", partner ? (female ? "Wife" : "Husband") : female ? "Daughter" : "Son").putArray("coding")
                .addObject().put("system", "http://terminology.hl7.org/CodeSystem/v2-0131").put("code", "N").put("display", "Next-of-Kin");
        person.putArray("name").addObject().put("family", family).putArray("given").add(People.pick(random, female ? People.FEMALE : People.MALE));
        person.putArray("telecom").addObject().put("system", "phone").put("value", String.format("07700 900%03d", random.nextInt(1000)))
                .put("use", "mobile");
        person.put("gender", female ? "female" : "male");
        person.putObject("period").put("start", today.minusYears(2).toString());
        return person;
    }

    private static ObjectNode careTeam(String patient, Map<String, String> conditions, RegionOrganisations.Org practice, LocalDate since) {
        ObjectNode team = RegionMedicines.resource("CareTeam", patient + "-team");
        team.put("status", "active");
        team.put("name", "Care team at " + practice.name());
        team.putObject("subject").put("reference", "Patient/" + patient);
        team.putObject("period").put("start", since.toString());
        var participants = team.putArray("participant");
        participants.addObject().<ObjectNode>set("role", RegionGenerator.array().add(RegionGenerator.object().put("text", "GP practice")))
                .putObject("member").put("reference", "Organization/" + practice.id()).put("display", practice.name());
        participants.addObject().<ObjectNode>set("role", RegionGenerator.array().add(RegionGenerator.object().put("text", "Practice nurse")))
                .putObject("member").put("display", "Practice nursing team");
        if (conditions.containsKey("84114007")) {
            participants.addObject().<ObjectNode>set("role", RegionGenerator.array().add(RegionGenerator.object().put("text", "Heart failure specialist nurse")))
                    .putObject("member").put("display", "Community heart failure team");
        }
        if (conditions.containsKey("52448006")) {
            participants.addObject().<ObjectNode>set("role", RegionGenerator.array().add(RegionGenerator.object().put("text", "Admiral nurse")))
                    .putObject("member").put("display", "Dementia support team");
        }
        team.putArray("managingOrganization").addObject().put("reference", "Organization/" + practice.id()).put("display", practice.name());
        team.putArray("telecom").addObject().put("system", "phone").put("value", "0300 123 " + practice.ods().substring(practice.ods().length() - 4));
        return team;
    }

    /** A ReSPECT form, held as an advance directive: not for CPR, with the treatment focus agreed. */
    private static ObjectNode respect(String patient, RegionOrganisations.Org practice, LocalDate agreed) {
        ObjectNode consent = RegionMedicines.resource("Consent", patient + "-respect");
        consent.put("status", "active");
        consent.putObject("scope").putArray("coding").addObject().put("system", PersonalisedCare.CONSENT_SCOPE_SYSTEM)
                .put("code", PersonalisedCare.ADVANCE_DIRECTIVE).put("display", "Advanced Care Directive");
        consent.putArray("category").addObject().put("text", "ReSPECT").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", "75320-2").put("display", "Advance directive");
        consent.putObject("patient").put("reference", "Patient/" + patient);
        consent.put("dateTime", agreed + "T11:00:00Z");
        consent.putArray("organization").addObject().put("reference", "Organization/" + practice.id()).put("display", practice.name());
        consent.putObject("sourceAttachment").put("title", "ReSPECT form");
        consent.putArray("policy").addObject().put("uri", "https://www.resus.org.uk/respect");
        ObjectNode provision = consent.putObject("provision");
        provision.put("type", "deny");
        provision.putArray("code").addObject().put("text", "Not for attempted cardiopulmonary resuscitation (CPR)");
        provision.putArray("provision").addObject().put("type", "permit").putArray("code").addObject()
                .put("text", "Treatment focus: symptom control and comfort; preferred place of care: home");
        return consent;
    }
}
