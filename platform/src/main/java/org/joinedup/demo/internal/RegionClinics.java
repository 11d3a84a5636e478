package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The trust's outpatient clinics (a Location and a Schedule each, with two weekly sessions from which the
 * platform makes their Slots), and the waiting lists and patient-initiated follow-up of the region's patients:
 * about one in sixteen waits for an outpatient appointment or an operation (some asked whether they still need
 * it, with their answers), one in a hundred is on patient-initiated follow-up.
 */
final class RegionClinics {

    static final String TREATMENT_FUNCTION = "https://fhir.nhs.uk/CodeSystem/NHSDataModelAndDictionary-treatment-function";
    private static final String WAITING_LIST = "https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list";
    private static final String VALIDATION = "https://fhir.joinedup.nhs.uk/StructureDefinition/waiting-list-validation";
    private static final String SESSION = "https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-session";

    /** A clinic: its name, NHS treatment function code, and its two session days. */
    record Clinic(String name, String code, String firstDay, String secondDay) {

        String id() {
            return "clinic-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        }
    }

    static final List<Clinic> CLINICS = List.of(new Clinic("Cardiology", "320", "mon", "thu"), new Clinic("Diabetes", "307", "tue", "fri"),
            new Clinic("Respiratory", "340", "wed", "fri"), new Clinic("Care of the elderly", "430", "mon", "wed"),
            new Clinic("Rheumatology", "410", "tue", "thu"), new Clinic("Ophthalmology", "130", "mon", "fri"),
            new Clinic("Trauma and orthopaedics", "110", "wed", "thu"));

    private RegionClinics() {
    }

    /** The clinic a letter of that name belongs to. */
    static Clinic named(String name) {
        return CLINICS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(CLINICS.getFirst());
    }

    static ObjectNode serviceType(Clinic clinic) {
        ObjectNode type = RegionGenerator.object();
        type.putArray("coding").addObject().put("system", TREATMENT_FUNCTION).put("code", clinic.code()).put("display", clinic.name());
        return type;
    }

    static void clinics(RegionOrganisations.Org trust, List<ObjectNode> resources) {
        for (Clinic clinic : CLINICS) {
            ObjectNode location = resource("Location", clinic.id());
            location.put("status", "active").put("name", clinic.name() + " outpatients, " + trust.town().name() + " Hospital");
            location.putObject("managingOrganization").put("reference", "Organization/" + trust.id());
            resources.add(location);
            ObjectNode schedule = resource("Schedule", clinic.id());
            schedule.put("active", true);
            schedule.putArray("serviceType").add(serviceType(clinic));
            ArrayNode actors = schedule.putArray("actor");
            actors.addObject().put("reference", "Location/" + clinic.id()).put("display", location.path("name").asText());
            actors.addObject().put("reference", "Organization/" + trust.id()).put("display", trust.name());
            for (String day : List.of(clinic.firstDay(), clinic.secondDay())) {
                ArrayNode parts = schedule.withArray("extension").addObject().put("url", SESSION).putArray("extension");
                parts.addObject().put("url", "day").put("valueCode", day);
                parts.addObject().put("url", "start").put("valueTime", "09:00:00");
                parts.addObject().put("url", "end").put("valueTime", "12:00:00");
                parts.addObject().put("url", "slotMinutes").put("valuePositiveInt", 20);
                parts.addObject().put("url", "capacity").put("valuePositiveInt", 1);
            }
            resources.add(schedule);
        }
    }

    /** A patient's place on a waiting list, or on follow-up, if they have one. */
    static void waiting(SplittableRandom random, String patient, RegionOrganisations.Org trust, LocalDate today, Consumer<ObjectNode> out) {
        double roll = random.nextDouble();
        if (roll < 0.0625) {
            boolean surgery = random.nextDouble() < 0.3;
            Clinic clinic = surgery ? CLINICS.getLast() : CLINICS.get(random.nextInt(CLINICS.size() - 1));
            LocalDate clockStart = today.minusWeeks(1 + random.nextInt(40));
            ObjectNode request = resource("ServiceRequest", patient + "-wl1");
            request.put("status", "active").put("intent", "order");
            request.putArray("category").addObject().putArray("coding").addObject().put("system", WAITING_LIST).put("code", surgery ? "surgery" : "outpatient");
            request.put("priority", random.nextDouble() < 0.15 ? "urgent" : "routine");
            request.putObject("code").put("text", surgery ? (random.nextBoolean() ? "Primary total hip replacement" : "Knee arthroscopy")
                    : clinic.name() + " outpatient appointment");
            request.putObject("subject").put("reference", "Patient/" + patient);
            request.put("authoredOn", clockStart.toString());
            request.putArray("performer").addObject().put("reference", "Organization/" + trust.id());
            request.putObject("performerType").putArray("coding").addObject().put("system", TREATMENT_FUNCTION).put("code", clinic.code()).put("display", clinic.name());
            if (clockStart.isBefore(today.minusWeeks(12)) && random.nextDouble() < 0.6) {
                double answer = random.nextDouble();
                String outcome = answer < 0.6 ? "still-needed" : answer < 0.75 ? "no-answer" : answer < 0.85 ? "wants-to-discuss" : answer < 0.9 ? "no-longer-needed" : "asked";
                ArrayNode parts = request.putArray("extension").addObject().put("url", VALIDATION).putArray("extension");
                parts.addObject().put("url", "asked").put("valueDateTime", today.minusDays(random.nextInt(5, 60)) + "T10:00:00Z");
                parts.addObject().put("url", "outcome").put("valueCode", outcome);
            }
            out.accept(request);
        } else if (roll < 0.0725) {
            LocalDate start = today.minusDays(random.nextInt(1, 200));
            ObjectNode episode = resource("EpisodeOfCare", patient + "-pifu");
            episode.put("status", "active");
            episode.putArray("type").addObject().put("text", "Patient-initiated follow-up").putArray("coding").addObject()
                    .put("system", "https://fhir.joinedup.nhs.uk/CodeSystem/episode-type").put("code", "pifu");
            episode.putObject("patient").put("reference", "Patient/" + patient);
            episode.putObject("managingOrganization").put("reference", "Organization/" + trust.id());
            episode.putObject("period").put("start", start.toString()).put("end", start.plusDays(182).toString());
            out.accept(episode);
        }
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode r = RegionGenerator.object().put("resourceType", type).put("id", id);
        r.putObject("meta").put("source", "urn:joinedup:demo-region");
        return r;
    }
}
