package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * Appointments (SIU^S12 new, S13 rescheduled, S14 changed, S15 cancelled, S17 deleted, S26 did not attend) as an
 * Appointment, kept up to date by the filler's appointment id (SCH-2, else the placer's, SCH-1): times (TQ1, else
 * SCH-11), duration, type and reason, and its participants: the patient, the clinician (AIP), the place (AIL) and
 * the sending organisation, when the record knows it (which gives its staff a care relationship).
 */
final class SiuMapping {

    static final Map<String, String> STATUS = Map.of("S12", "booked", "S13", "booked", "S14", "booked", "S15", "cancelled",
            "S17", "entered-in-error", "S26", "noshow");

    private SiuMapping() {
    }

    static ObjectNode transaction(Message message, String event, String source, String organisation) throws HL7Exception, AdtMapping.Unmappable {
        Terser t = new Terser(message);
        String facility = AdtMapping.facility(t);
        ObjectNode bundle = AdtMapping.transactionBundle();
        ArrayNode entries = bundle.putArray("entry");
        String patientUrl = PidMapping.ifUnknown(entries, PidMapping.patient(t, source));

        ObjectNode appointment = AdtMapping.resource("Appointment", source);
        String filler = text(t.get("/SCH-2-1"));
        String id = filler != null ? filler : text(t.get("/SCH-1-1"));
        String system = AdtMapping.LOCAL_ID + facility + "/appointment";
        if (id != null) {
            appointment.putArray("identifier").addObject().put("system", system).put("value", id);
        }
        appointment.put("status", STATUS.get(event));
        String type = text(t.get("/SCH-8-2")) != null ? text(t.get("/SCH-8-2")) : text(t.get("/SCH-8-1"));
        if (type != null) {
            appointment.putObject("appointmentType").put("text", type);
        }
        String reason = text(t.get("/SCH-7-2")) != null ? text(t.get("/SCH-7-2")) : text(t.get("/SCH-7-1"));
        if (reason != null) {
            appointment.putArray("reasonCode").addObject().put("text", reason);
        }
        String start = Hl7Times.dateTime(first(t.get("/.TQ1-7-1"), t.get("/SCH-11-4-1"), t.get("/.AIS-4-1")));
        String end = Hl7Times.dateTime(first(t.get("/.TQ1-8-1"), t.get("/SCH-11-5-1")));
        if (start != null && start.contains("T")) {
            appointment.put("start", start);
        }
        if (end != null && end.contains("T")) {
            appointment.put("end", end);
        }
        String duration = text(t.get("/SCH-9"));
        String units = text(t.get("/SCH-10-1"));
        if (duration != null && duration.matches("\\d+") && (units == null || units.toLowerCase(java.util.Locale.ROOT).startsWith("min"))) {
            appointment.put("minutesDuration", Integer.parseInt(duration));
        }
        if (appointment.has("start") && !appointment.has("end") && appointment.has("minutesDuration")) {
            appointment.put("end", java.time.OffsetDateTime.parse(appointment.path("start").asText())
                    .plusMinutes(appointment.path("minutesDuration").asInt()).toString());
        }
        if (appointment.has("start") != appointment.has("end")) {
            // FHIR: both times or neither
            appointment.remove("start");
            appointment.remove("end");
        }
        if (!appointment.has("start") && BOOKED.contains(STATUS.get(event))) {
            throw new AdtMapping.Unmappable("A booked appointment needs its start and end (TQ1-7 and TQ1-8, or SCH-11, or a start and SCH-9)");
        }
        ArrayNode participants = appointment.putArray("participant");
        participants.addObject().put("status", "accepted").putObject("actor").put("reference", patientUrl);
        String clinician = name(t.get("/.AIP-3-6"), t.get("/.AIP-3-3"), t.get("/.AIP-3-2-1"));
        if (clinician != null) {
            participants.addObject().put("status", "accepted").putObject("actor").put("display", clinician);
        }
        String place = text(t.get("/.AIL-3-1")) != null ? text(t.get("/.AIL-3-1")) : text(t.get("/.AIL-3-4-1"));
        if (place != null) {
            participants.addObject().put("status", "accepted").putObject("actor").put("display", place);
        }
        if (organisation != null) {
            participants.addObject().put("status", "accepted").putObject("actor").put("reference", organisation);
        }
        String appointmentUrl = "urn:uuid:" + UUID.randomUUID();
        AdtMapping.upsert(entries, appointmentUrl, appointment, system, id);
        AdtMapping.entry(entries, "urn:uuid:" + UUID.randomUUID(), Provenances.of(t, source, patientUrl, appointmentUrl), "POST", "Provenance");
        return bundle;
    }

    private static final java.util.Set<String> BOOKED = java.util.Set.of("booked", "noshow");

    private static String name(String prefix, String given, String family) {
        String name = String.join(" ", java.util.stream.Stream.of(prefix, given, family).map(SiuMapping::text).filter(java.util.Objects::nonNull).toList());
        return name.isBlank() ? null : name;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (text(value) != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
