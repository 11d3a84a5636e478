package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertSeverity;

/**
 * A medication dispenser's events. A dose taken (on time or late) is a completed MedicationAdministration per
 * prescription the dose was for ({@code medicationRequests}, as the dispenser's schedule gave them), a dose missed a
 * not-done one, each attributed to the dispenser; a dose presented, a refill needed and the dispenser going offline are
 * Observations about the dispenser (its subject: not on the person's timeline, found by device); a dose late or
 * missed, a refill needed and the dispenser going offline raise an alert to the dispenser's owner (the domiciliary
 * care provider).
 */
final class DispenserEvents {

    private record Meaning(String title, AlertSeverity severity, String administration) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.of(
            "dose-presented", new Meaning(null, null, null),
            "dose-taken", new Meaning(null, null, "completed"),
            "dose-late", new Meaning("Dose taken late", AlertSeverity.ROUTINE, "completed"),
            "dose-missed", new Meaning("Dose missed", AlertSeverity.URGENT, "not-done"),
            "refill-needed", new Meaning("Dispenser needs a refill", AlertSeverity.ROUTINE, null),
            "device-offline", new Meaning("Dispenser offline: doses may be missed", AlertSeverity.URGENT, null));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/London"));

    private DispenserEvents() {
    }

    static boolean isDispenserEvent(DeviceEvent event) {
        return MEANINGS.containsKey(event.type());
    }

    static boolean alerts(DeviceEvent event) {
        return isDispenserEvent(event) && MEANINGS.get(event.type()).title() != null;
    }

    /** Whether the event is about the dispenser itself, recorded as an Observation of it. */
    static boolean aboutDevice(DeviceEvent event) {
        return isDispenserEvent(event) && MEANINGS.get(event.type()).administration() == null;
    }

    /** The Observation about the dispenser of a presented dose, a refill needed or its going offline. */
    static ObjectNode deviceObservation(DeviceEvent event, String patient) {
        ObjectNode o = VitalSignObservations.JSON.createObjectNode().put("resourceType", "Observation").put("status", "final");
        String text = switch (event.type()) {
            case "dose-presented" -> "Dose presented by the dispenser";
            case "refill-needed" -> "Dispenser needs a refill";
            default -> "Dispenser offline";
        };
        o.putObject("code").put("text", text).putArray("coding").addObject().put("system", "https://fhir.joinedup.nhs.uk/CodeSystem/device-event")
                .put("code", event.type()).put("display", text);
        o.putObject("subject").put("reference", "Device/" + event.device());
        if (patient != null && !patient.isEmpty()) {
            o.putArray("focus").addObject().put("reference", "Patient/" + patient);
        }
        o.put("effectiveDateTime", event.at().toString());
        o.putObject("device").put("reference", "Device/" + event.device());
        Instant due = due(event);
        if (due != null) {
            o.put("valueString", "Dose due " + TIME.format(due));
        }
        return o;
    }

    static boolean recordsDose(DeviceEvent event) {
        return isDispenserEvent(event) && MEANINGS.get(event.type()).administration() != null;
    }

    /** The prescriptions a dose event was for (ids), or null if it names none properly. */
    static List<String> requests(DeviceEvent event) {
        List<String> ids = new ArrayList<>();
        for (JsonNode reference : event.payload().path("medicationRequests")) {
            String id = reference.asText("").replaceFirst("^MedicationRequest/", "");
            if (!id.matches("[A-Za-z0-9.-]{1,64}")) {
                return null;
            }
            ids.add(id);
        }
        return ids.isEmpty() ? null : ids;
    }

    /** When the dose was due (the event's {@code due}), or null. */
    static Instant due(DeviceEvent event) {
        try {
            return event.payload().has("due") ? Instant.parse(event.payload().path("due").asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The MedicationAdministrations of a dose event, one per prescription (each read beforehand, and the patient's). */
    static List<ObjectNode> administrations(DeviceEvent event, String patient, Map<String, JsonNode> prescriptions) {
        Meaning meaning = MEANINGS.get(event.type());
        List<ObjectNode> out = new ArrayList<>();
        Instant due = due(event);
        for (String id : requests(event)) {
            JsonNode prescription = prescriptions.get(id);
            ObjectNode a = VitalSignObservations.JSON.createObjectNode().put("resourceType", "MedicationAdministration").put("status", meaning.administration());
            if (prescription.has("medicationCodeableConcept")) {
                a.set("medicationCodeableConcept", prescription.path("medicationCodeableConcept").deepCopy());
            } else {
                a.set("medicationReference", prescription.path("medicationReference").deepCopy());
            }
            a.putObject("subject").put("reference", "Patient/" + patient);
            a.put("effectiveDateTime", (event.type().equals("dose-missed") && due != null ? due : event.at()).toString());
            a.putObject("request").put("reference", "MedicationRequest/" + id);
            a.putArray("device").addObject().put("reference", "Device/" + event.device());
            if (prescription.at("/dosageInstruction/0/text").isTextual()) {
                a.putObject("dosage").put("text", prescription.at("/dosageInstruction/0/text").asText());
            }
            if (event.type().equals("dose-missed")) {
                a.putArray("statusReason").addObject().put("text", "Not taken from the dispenser" + (due == null ? "" : " (due " + TIME.format(due) + ")"));
            } else if (event.type().equals("dose-late")) {
                a.putArray("note").addObject().put("text", "Taken late from the dispenser" + (due == null ? "" : " (due " + TIME.format(due) + ")"));
            }
            out.add(a);
        }
        return out;
    }

    static AlertRequested alert(DeviceEvent event, Registered device, String subject, Instant received) {
        Meaning meaning = MEANINGS.get(event.type());
        Instant due = due(event);
        return new AlertRequested("device/" + event.device() + "/" + event.id(), event.type(), AlertKind.MEDICATION, meaning.severity(),
                meaning.title() + (due == null ? "" : " (due " + TIME.format(due) + ")"), "From the medication dispenser (Device/" + event.device() + ")",
                device.organisation(), device.where(), device.patient().isEmpty() ? null : device.patient(), subject, event.at(), received);
    }
}
