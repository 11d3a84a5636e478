package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An appointment as an iCalendar file (RFC 5545) for a calendar app: when, where, what kind of appointment and
 * its status. Only what the Appointment says of the service and place: never a diagnosis or reason.
 */
final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    static String of(JsonNode appointment, Instant now) {
        String where = null;
        for (JsonNode participant : appointment.path("participant")) {
            if (participant.at("/actor/reference").asText().startsWith("Location/")) {
                where = participant.at("/actor/display").asText(null);
            }
        }
        JsonNode service = appointment.path("serviceType").path(0);
        String what = service.hasNonNull("text") ? service.path("text").asText() : service.at("/coding/0/display").asText("Appointment");
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//JoinedUp//Appointments//EN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + appointment.path("id").asText() + "@joinedup");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(OffsetDateTime.parse(appointment.path("start").asText())));
        line(ics, "DTEND:" + UTC.format(OffsetDateTime.parse(appointment.path("end").asText())));
        line(ics, "SUMMARY:" + text(what));
        if (where != null) {
            line(ics, "LOCATION:" + text(where));
        }
        line(ics, "STATUS:" + ("cancelled".equals(appointment.path("status").asText()) ? "CANCELLED" : "CONFIRMED"));
        line(ics, "SEQUENCE:" + appointment.at("/meta/versionId").asInt(1));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** A TEXT value, escaped as RFC 5545 says (backslash, semicolon, comma, new line). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** A content line, folded at 75 octets with CRLF and a space, as the RFC requires. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            ics.append(content).append("\r\n");
            return;
        }
        int width = 75;
        StringBuilder current = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < content.length(); i = content.offsetByCodePoints(i, 1)) {
            String character = new String(Character.toChars(content.codePointAt(i)));
            int size = character.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > width) {
                ics.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                width = 74; // the leading space counts
            }
            current.append(character);
            octets += size;
        }
        ics.append(current).append("\r\n");
    }
}
