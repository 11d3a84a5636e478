package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertSeverity;
import org.joinedup.devices.DevicesProperties;

/**
 * A falls lamp's events: a fall, a person on the floor, no movement, and leaving bed at night each raise an alert to
 * the lamp's owner's staff at once (leaving bed by day is only kept); a fall or a person on the floor is also written
 * to the person's record as an Observation of a fall (SNOMED CT 1912002), attributed to the lamp.
 */
final class LampEvents {

    private record Meaning(String title, AlertSeverity severity, boolean fall) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.of(
            "fall-detected", new Meaning("Fall detected", AlertSeverity.EMERGENCY, true),
            "person-on-floor", new Meaning("Person on the floor", AlertSeverity.EMERGENCY, true),
            "no-movement", new Meaning("No movement detected", AlertSeverity.EMERGENCY, false),
            "bed-exit", new Meaning("Out of bed at night", AlertSeverity.URGENT, false));

    private LampEvents() {
    }

    static boolean isLampEvent(DeviceEvent event) {
        return MEANINGS.containsKey(event.type());
    }

    /** Whether the event raises an alert (leaving bed only at night). */
    static boolean alerts(DeviceEvent event, DevicesProperties properties) {
        return isLampEvent(event) && (!event.type().equals("bed-exit") || properties.isNight(event.at()));
    }

    /** Whether the event is a fall, to be written to the person's record. */
    static boolean isFall(DeviceEvent event) {
        return isLampEvent(event) && MEANINGS.get(event.type()).fall();
    }

    static ObjectNode fallObservation(DeviceEvent event, Registered device) {
        ObjectNode o = VitalSignObservations.JSON.createObjectNode().put("resourceType", "Observation").put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                .put("code", "activity").put("display", "Activity");
        o.putObject("code").put("text", "Fall").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "1912002")
                .put("display", "Fall");
        o.putObject("subject").put("reference", "Patient/" + device.patient());
        o.put("effectiveDateTime", event.at().toString());
        o.putObject("device").put("reference", "Device/" + event.device());
        o.put("valueString", MEANINGS.get(event.type()).title() + (device.place() == null ? "" : " in " + device.place()) + ", detected by the falls lamp");
        return o;
    }

    static AlertRequested alert(DeviceEvent event, Registered device, String subject, Instant received) {
        Meaning meaning = MEANINGS.get(event.type());
        return new AlertRequested("device/" + event.device() + "/" + event.id(), event.type(), AlertKind.FALL, meaning.severity(), meaning.title(),
                "From the falls lamp (Device/" + event.device() + ")", device.organisation(), device.where(),
                device.patient().isEmpty() ? null : device.patient(), subject, event.at(), received);
    }
}
