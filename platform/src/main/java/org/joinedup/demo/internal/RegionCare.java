package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The care a region's patient has had and has booked: blood pressures at the annual reviews of people with
 * hypertension, HbA1c for people with diabetes, a set of vital signs for people on a ward, and appointments at their
 * practice or the trust, past (attended, or, about one in fourteen, not) and to come.
 */
final class RegionCare {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String LOINC = "http://loinc.org";
    /** Share of past appointments not attended (NHS England reports about 4-7% for GP appointments, more for outpatients). */
    static final double DID_NOT_ATTEND = 0.07;

    /** Outpatient clinics whose letters the region's patients have. */
    private static final String[] CLINICS = {"Cardiology", "Diabetes", "Respiratory", "Care of the elderly", "Rheumatology", "Ophthalmology"};

    private RegionCare() {
    }

    static void reviews(SplittableRandom random, String patient, boolean hypertension, boolean diabetes, LocalDate today, Consumer<ObjectNode> out) {
        for (int year = 0; year < 3; year++) {
            ZonedDateTime when = at(today.minusDays(30 + 365L * year + random.nextInt(60)), 9 + random.nextInt(8), random.nextInt(6) * 10);
            if (hypertension) {
                ObjectNode bp = observation(patient + "-bp" + year, patient, "vital-signs", "85354-9", "Blood pressure panel", when);
                component(bp, "8480-6", "Systolic blood pressure", 142 + random.nextInt(-15, 16), "mm[Hg]");
                component(bp, "8462-4", "Diastolic blood pressure", 86 + random.nextInt(-10, 11), "mm[Hg]");
                out.accept(bp);
            }
            if (diabetes) {
                ObjectNode hba1c = observation(patient + "-hba1c" + year, patient, "laboratory", "59261-8",
                        "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol", when);
                quantity(hba1c.putObject("valueQuantity"), 48 + random.nextInt(28), "mmol/mol");
                out.accept(hba1c);
            }
        }
    }

    /** The observations a ward takes for NEWS2, within the last few hours (scored by the platform's NEWS2 calculator once written). */
    static void wardObservations(SplittableRandom random, String patient, LocalDate today, Consumer<ObjectNode> out) {
        ZonedDateTime when = at(today, 6 + random.nextInt(3), random.nextInt(6) * 10);
        vital(out, patient + "-rr", patient, "9279-1", "Respiratory rate", when, 14 + random.nextInt(-2, 9), "/min");
        vital(out, patient + "-spo2", patient, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", when, 93 + random.nextInt(7), "%");
        vital(out, patient + "-sbp", patient, "8480-6", "Systolic blood pressure", when, 118 + random.nextInt(-20, 30), "mm[Hg]");
        vital(out, patient + "-hr", patient, "8867-4", "Heart rate", when, 78 + random.nextInt(-15, 35), "/min");
        ObjectNode temperature = observation(patient + "-temp", patient, "vital-signs", "8310-5", "Body temperature", when);
        temperature.putObject("valueQuantity").put("value", java.math.BigDecimal.valueOf(365 + random.nextInt(-5, 20), 1)).put("unit", "Cel")
                .put("system", "http://unitsofmeasure.org").put("code", "Cel");
        out.accept(temperature);
        // the last two NEWS2 parameters (chosen from the patient's id, not the random stream, so the rest of the region is unchanged)
        boolean confused = Math.floorMod(patient.hashCode(), 17) == 0;
        ObjectNode acvpu = observation(patient + "-acvpu", patient, "survey", "1104441000000107", "ACVPU scale score", when);
        acvpu.withArray("/code/coding").removeAll().addObject().put("system", "http://snomed.info/sct").put("code", "1104441000000107")
                .put("display", "ACVPU (Alert Confusion Voice Pain Unresponsive) scale score");
        if (confused) {
            acvpu.putObject("valueCodeableConcept").put("text", "New confusion");
        } else {
            acvpu.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "248234008")
                    .put("display", "Mentally alert");
        }
        out.accept(acvpu);
        boolean oxygen = Math.floorMod(patient.hashCode(), 7) == 0;
        ObjectNode air = observation(patient + "-air", patient, "vital-signs", "722742002", oxygen ? "Patient on oxygen" : "Breathing room air", when);
        air.withArray("/code/coding").removeAll().addObject().put("system", "http://snomed.info/sct").put("code", oxygen ? "371825009" : "722742002")
                .put("display", oxygen ? "Patient on oxygen" : "Breathing room air");
        out.accept(air);
    }

    static void appointments(SplittableRandom random, String patient, RegionOrganisations.Org practice, RegionOrganisations.Org trust, LocalDate today,
                             Consumer<ObjectNode> out) {
        int count = random.nextInt(4);
        for (int n = 0; n < count; n++) {
            boolean hospital = random.nextDouble() < 0.3;
            RegionOrganisations.Org where = hospital ? trust : practice;
            LocalDate day = today.plusDays(random.nextInt(-180, 91));
            if (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(8 - day.getDayOfWeek().getValue());
            }
            ZonedDateTime start = at(day, 9 + random.nextInt(8), random.nextInt(6) * 10);
            int minutes = hospital ? 30 : 10;
            String status = !day.isBefore(today) ? "booked" : random.nextDouble() < DID_NOT_ATTEND ? "noshow" : "fulfilled";
            ObjectNode a = RegionGenerator.object().put("resourceType", "Appointment").put("id", patient + "-a" + (n + 1));
            a.putObject("meta").put("source", "urn:joinedup:demo-region");
            a.put("status", status);
            a.putObject("appointmentType").put("text", hospital ? "Outpatient appointment" : "GP appointment");
            String clinic = CLINICS[Math.floorMod(patient.hashCode() + n, CLINICS.length)];
            if (hospital) {
                a.putArray("serviceType").add(RegionClinics.serviceType(RegionClinics.named(clinic)));
            }
            a.put("start", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            a.put("end", start.plusMinutes(minutes).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            a.put("minutesDuration", minutes);
            var participants = a.putArray("participant");
            participants.addObject().put("status", "accepted").putObject("actor").put("reference", "Patient/" + patient);
            participants.addObject().put("status", "accepted").putObject("actor").put("reference", "Organization/" + where.id())
                    .put("display", where.name());
            out.accept(a);
            if (hospital && status.equals("fulfilled")) {
                out.accept(RegionDocuments.clinicLetter(patient + "-l" + (n + 1), patient, trust, practice, day, clinic));
            }
        }
    }

    private static void vital(Consumer<ObjectNode> out, String id, String patient, String code, String display, ZonedDateTime when, int value,
                              String unit) {
        ObjectNode o = observation(id, patient, "vital-signs", code, display, when);
        quantity(o.putObject("valueQuantity"), value, unit);
        out.accept(o);
    }

    private static ObjectNode observation(String id, String patient, String category, String code, String display, ZonedDateTime when) {
        ObjectNode o = RegionGenerator.object().put("resourceType", "Observation").put("id", id);
        o.putObject("meta").put("source", "urn:joinedup:demo-region");
        o.put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", category);
        o.putObject("code").put("text", display).putArray("coding").addObject().put("system", LOINC).put("code", code).put("display", display);
        o.putObject("subject").put("reference", "Patient/" + patient);
        o.put("effectiveDateTime", when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return o;
    }

    private static void component(ObjectNode observation, String code, String display, int value, String unit) {
        ObjectNode component = observation.withArray("component").addObject();
        component.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", code).put("display", display);
        quantity(component.putObject("valueQuantity"), value, unit);
    }

    private static void quantity(ObjectNode quantity, int value, String unit) {
        quantity.put("value", value).put("unit", unit).put("system", "http://unitsofmeasure.org").put("code", unit);
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(LONDON);
    }
}
