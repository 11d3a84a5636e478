package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.joinedup.medication.DoseSchedule;

/**
 * Care at home in the demo region: the trust's respiratory virtual ward (40 beds) with about one patient in a
 * hundred admitted, each with a monitoring plan, a vital-signs kit and this morning's readings; and care home
 * residents (one in seven of those aged 75 or more), each with their stay at a home, their room and its falls
 * lamp. Chosen by the patient's place in the region and their own random stream, so the rest of the region is unchanged.
 */
final class RegionHomeCare {

    static final String WARD = "virtual-ward-respiratory";
    private static final String[][] PLAN = {{"9279-1", "Respiratory rate"}, {"59408-5", "Oxygen saturation"}, {"8867-4", "Heart rate"},
        {"8480-6", "Systolic blood pressure"}, {"8310-5", "Body temperature"}};

    private RegionHomeCare() {
    }

    static void places(RegionOrganisations organisations, List<ObjectNode> resources) {
        ObjectNode ward = resource("Location", WARD).put("name", "Respiratory Virtual Ward").put("status", "active");
        ward.putArray("type").addObject().putArray("coding").addObject().put("system", "https://fhir.joinedup.nhs.uk/CodeSystem/location-type")
                .put("code", "virtual-ward").put("display", "Virtual ward");
        ward.putObject("managingOrganization").put("reference", "Organization/" + organisations.trust.id());
        ward.putArray("extension").addObject().put("url", "https://fhir.joinedup.nhs.uk/StructureDefinition/bed-capacity").put("valueInteger", 40);
        resources.add(ward);
    }

    static void forPatient(int index, String id, int age, boolean onWard, long seed, RegionOrganisations organisations, LocalDate today,
                           Consumer<ObjectNode> out) {
        if (!onWard && index % 97 == 5 && age >= 18) {
            virtualWard(index, id, seed, organisations, today, out);
        }
        List<RegionOrganisations.Org> homes = organisations.others.stream().filter(o -> o.kind().equals("Care home")).toList();
        if (age >= 75 && index % 7 == 4 && !homes.isEmpty()) {
            careHome(index, id, homes.get(index / 7 % homes.size()), today, out);
        }
    }

    private static void virtualWard(int index, String id, long seed, RegionOrganisations organisations, LocalDate today, Consumer<ObjectNode> out) {
        ObjectNode stay = resource("Encounter", id + "-vw").put("status", "in-progress");
        stay.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "VR").put("display", "virtual");
        stay.putObject("subject").put("reference", "Patient/" + id);
        stay.putObject("serviceProvider").put("reference", "Organization/" + organisations.trust.id()).put("display", organisations.trust.name());
        stay.putArray("location").addObject().putObject("location").put("reference", "Location/" + WARD).put("display", "Respiratory Virtual Ward");
        stay.putObject("period").put("start", today.minusDays(index % 10) + "T09:00:00Z");
        out.accept(stay);
        ObjectNode plan = resource("CarePlan", id + "-vw-plan").put("status", "active").put("intent", "plan").put("title", "Virtual ward monitoring plan");
        plan.putObject("subject").put("reference", "Patient/" + id);
        plan.putObject("encounter").put("reference", "Encounter/" + id + "-vw");
        ArrayNode activities = plan.putArray("activity");
        for (String[] reading : PLAN) {
            ObjectNode detail = activities.addObject().putObject("detail").put("status", "scheduled");
            detail.putObject("code").put("text", reading[1]).putArray("coding").addObject().put("system", "http://loinc.org").put("code", reading[0])
                    .put("display", reading[1]);
            detail.putObject("scheduledTiming").putObject("repeat").put("frequency", 1).put("period", 8).put("periodUnit", "h");
        }
        out.accept(plan);
        ObjectNode kit = resource("Device", id + "-kit").put("status", "active");
        kit.putArray("deviceName").addObject().put("name", "Vital signs kit").put("type", "user-friendly-name");
        kit.putObject("patient").put("reference", "Patient/" + id);
        kit.putObject("owner").put("reference", "Organization/" + organisations.trust.id());
        out.accept(kit);
        RegionCare.wardObservations(new SplittableRandom(seed ^ index), id, today, out);
    }

    private static void careHome(int index, String id, RegionOrganisations.Org home, LocalDate today, Consumer<ObjectNode> out) {
        ObjectNode stay = resource("EpisodeOfCare", id + "-home").put("status", "active");
        stay.putArray("type").addObject().put("text", "Residential care");
        stay.putObject("patient").put("reference", "Patient/" + id);
        stay.putObject("managingOrganization").put("reference", "Organization/" + home.id()).put("display", home.name());
        stay.putObject("period").put("start", today.minusDays(30 + index % 900).toString());
        out.accept(stay);
        ObjectNode room = resource("Location", id + "-room").put("name", "Room " + (1 + index % 60)).put("status", "active");
        room.putObject("managingOrganization").put("reference", "Organization/" + home.id());
        out.accept(room);
        ObjectNode lamp = resource("Device", id + "-lamp").put("status", "active");
        lamp.putArray("deviceName").addObject().put("name", "Falls lamp").put("type", "user-friendly-name");
        lamp.putObject("patient").put("reference", "Patient/" + id);
        lamp.putObject("owner").put("reference", "Organization/" + home.id());
        lamp.putObject("location").put("reference", "Location/" + id + "-room");
        out.accept(lamp);
    }

    /**
     * About one in nine people aged 70 or more with a medicine to take at set times have a medication dispenser run by
     * a home care provider (their episode of care with it, the Device it owns), with the last week's doses: taken,
     * a few late or missed (chosen from the dose, not the random stream).
     */
    static void dispenser(int index, String id, int age, List<ObjectNode> prescriptions, RegionOrganisations organisations, LocalDate today,
                          Consumer<ObjectNode> out) {
        List<RegionOrganisations.Org> providers = organisations.others.stream().filter(o -> o.kind().equals("Domiciliary care provider")).toList();
        DoseSchedule.Rounds rounds = new DoseSchedule.Rounds(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(13, 0), java.time.LocalTime.of(18, 0),
                java.time.LocalTime.of(22, 0));
        List<ObjectNode> scheduled = prescriptions.stream().filter(r -> !DoseSchedule.of(r.at("/dosageInstruction/0"), rounds, null).times().isEmpty()).toList();
        if (age < 70 || index % 9 != 2 || scheduled.isEmpty() || providers.isEmpty()) {
            return;
        }
        RegionOrganisations.Org provider = providers.get(index / 9 % providers.size());
        ObjectNode care = resource("EpisodeOfCare", id + "-homecare").put("status", "active");
        care.putArray("type").addObject().put("text", "Domiciliary care");
        care.putObject("patient").put("reference", "Patient/" + id);
        care.putObject("managingOrganization").put("reference", "Organization/" + provider.id()).put("display", provider.name());
        care.putObject("period").put("start", today.minusDays(60 + index % 300).toString());
        out.accept(care);
        ObjectNode device = resource("Device", id + "-dispenser").put("status", "active");
        device.putArray("deviceName").addObject().put("name", "Medication dispenser").put("type", "user-friendly-name");
        device.putObject("patient").put("reference", "Patient/" + id);
        device.putObject("owner").put("reference", "Organization/" + provider.id());
        out.accept(device);
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/London");
        for (int daysAgo = 7; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            for (ObjectNode request : scheduled) {
                for (java.time.LocalTime time : DoseSchedule.of(request.at("/dosageInstruction/0"), rounds, null).times()) {
                    String key = request.path("id").asText() + "-" + day + "-" + time.toString().replace(":", "");
                    int pick = Math.floorMod(key.hashCode(), 100);
                    java.time.Instant due = day.atTime(time).atZone(zone).toInstant();
                    ObjectNode given = resource("MedicationAdministration", request.path("id").asText() + "-" + daysAgo + "d" + time.toString().replace(":", ""))
                            .put("status", pick < 6 ? "not-done" : "completed");
                    given.set("medicationCodeableConcept", request.path("medicationCodeableConcept").deepCopy());
                    given.putObject("subject").put("reference", "Patient/" + id);
                    given.put("effectiveDateTime", (pick < 6 ? due : due.plusSeconds(pick < 12 ? 5400 : 60L * (pick % 20))).toString());
                    given.putObject("request").put("reference", "MedicationRequest/" + request.path("id").asText());
                    given.putArray("device").addObject().put("reference", "Device/" + id + "-dispenser");
                    if (pick < 6) {
                        given.putArray("statusReason").addObject().put("text", "Not taken from the dispenser");
                    } else if (pick < 12) {
                        given.putArray("note").addObject().put("text", "Taken late from the dispenser");
                    }
                    out.accept(given);
                }
            }
        }
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode r = RegionGenerator.object().put("resourceType", type).put("id", id);
        r.putObject("meta").put("source", "urn:joinedup:demo-region");
        return r;
    }
}
