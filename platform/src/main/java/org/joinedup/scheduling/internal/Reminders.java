package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.MessageRequested;
import org.joinedup.notify.MessagesWithdrawn;

/** Appointment reminders as messages: their references (one per appointment, time and offset) and their words. */
final class Reminders {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Reminders() {
    }

    /** Every message about an appointment has a reference beginning so. */
    static String prefix(String appointmentId) {
        return "appointment/" + appointmentId + "/";
    }

    static MessagesWithdrawn withdrawn(String appointmentId, String why) {
        return new MessagesWithdrawn(prefix(appointmentId), why);
    }

    static MessageRequested reminder(JsonNode appointment, String patientId, String place, Duration before) {
        Instant start = PatientRules.start(appointment);
        String id = appointment.path("id").asText();
        var local = start.atZone(ENGLAND);
        String reference = prefix(id) + start.getEpochSecond() + "/reminder-" + before;
        return new MessageRequested(reference, patientId, MessageKind.APPOINTMENT_REMINDER,
                Map.of("date", DATE.format(local), "time", TIME.format(local).toLowerCase(Locale.UK), "place", place),
                "/portal/appointments/" + id, start);
    }
}
