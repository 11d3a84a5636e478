package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An appointment as the portal shows it: when (in English time), where, what for, its status in words, how to
 * prepare, and what the patient may still do. Public only so that page templates can read it.
 */
public record PortalAppointment(String id, String date, String time, String place, String address, String service, String status,
                                String instructions, boolean upcoming, boolean changeable, Instant start) {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    static PortalAppointment of(JsonNode appointment, JsonNode location) {
        OffsetDateTime start = OffsetDateTime.parse(appointment.path("start").asText());
        var local = start.atZoneSameInstant(ENGLAND);
        String status = appointment.path("status").asText();
        boolean upcoming = start.toInstant().isAfter(Instant.now());
        String place = location != null ? location.path("name").asText("") : "";
        if (place.isEmpty()) {
            for (JsonNode participant : appointment.path("participant")) {
                String display = participant.at("/actor/display").asText("");
                if (!display.isEmpty() && !participant.at("/actor/reference").asText().startsWith("Patient/")) {
                    place = display;
                    break;
                }
            }
        }
        String address = location == null ? "" : String.join(", ", java.util.stream.StreamSupport.stream(location.at("/address/line").spliterator(), false)
                .map(JsonNode::asText).toList()) + (location.at("/address/city").isTextual() ? ", " + location.at("/address/city").asText() : "")
                + (location.at("/address/postalCode").isTextual() ? " " + location.at("/address/postalCode").asText() : "");
        String service = appointment.at("/serviceType/0/coding/0/display").asText(appointment.at("/serviceType/0/text").asText(
                appointment.at("/appointmentType/text").asText("Appointment")));
        return new PortalAppointment(appointment.path("id").asText(), DATE.format(local), TIME.format(local).toLowerCase(Locale.UK), place,
                address.replaceFirst("^, ", "").trim(), service, words(status), appointment.path("patientInstruction").asText(""),
                upcoming, upcoming && "booked".equals(status), start.toInstant());
    }

    public boolean cancelled() {
        return "Cancelled".equals(status);
    }

    static String words(String status) {
        return switch (status) {
            case "booked" -> "Booked";
            case "pending", "proposed" -> "Waiting to be confirmed";
            case "arrived", "checked-in" -> "Arrived";
            case "fulfilled" -> "Attended";
            case "noshow" -> "Missed";
            case "cancelled" -> "Cancelled";
            default -> status;
        };
    }
}
