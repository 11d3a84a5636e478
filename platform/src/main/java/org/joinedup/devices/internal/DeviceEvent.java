package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * One event as a device sends it: its own id (unique for that device), the Device it came from (its id in the
 * record), its type, when it happened, and what it carries ({@code readings} for vital signs).
 */
record DeviceEvent(String id, String device, String type, Instant at, JsonNode payload) {

    /**
     * The types the gateway takes: vital signs, falls lamps' events, dispenser events, and any device's heartbeat (it is
     * working and connected: kept only).
     */
    static final Set<String> TYPES = Set.of("vital-signs", "fall-detected", "person-on-floor", "bed-exit", "no-movement", "dose-presented",
            "dose-taken", "dose-missed", "dose-late", "refill-needed", "device-offline", "heartbeat");

    /** The event read from its JSON, or why it cannot be taken. */
    static Object read(JsonNode json) {
        String id = json.path("id").asText("");
        String device = json.path("device").asText("").replaceFirst("^Device/", "");
        String type = json.path("type").asText("");
        if (id.isBlank() || id.length() > 64) {
            return "An event needs an id of 1 to 64 characters";
        }
        if (!device.matches("[A-Za-z0-9.-]{1,64}")) {
            return "Event " + id + " needs the id of the Device it came from";
        }
        if (!TYPES.contains(type)) {
            return "Event " + id + " has an unknown type '" + type + "' (known: " + String.join(", ", new java.util.TreeSet<>(TYPES)) + ")";
        }
        Instant at;
        try {
            at = Instant.parse(json.path("at").asText(""));
        } catch (DateTimeParseException e) {
            return "Event " + id + " needs the time it happened, as an instant with its zone (2026-11-26T10:15:00Z)";
        }
        if (at.isAfter(Instant.now().plusSeconds(300))) {
            return "Event " + id + " happened in the future: check the device's clock";
        }
        return new DeviceEvent(id, device, type, at, json);
    }
}
