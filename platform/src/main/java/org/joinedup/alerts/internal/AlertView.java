package org.joinedup.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.joinedup.alerts.AlertKind;

/** An alert as the staff pages show it. */
public record AlertView(String id, String kind, String severity, String title, String detail, String place, String patient, String patientId,
                        String status, String raised, String waiting, String routedTo, String acknowledged, String attended, String closed,
                        String outcome, List<String> outcomes) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    static AlertView of(Alert a) {
        return new AlertView(a.id().toString(), a.kind().label(), a.severity(), a.title(), a.detail(), a.place(),
                a.patientName() != null ? a.patientName() : a.patientId() == null ? null : "Patient/" + a.patientId(), a.patientId(), a.status(),
                TIME.format(a.raisedAt()), waited(Duration.between(a.receivedAt(), a.closedAt() != null ? a.closedAt() : Instant.now())), a.routedTo(),
                a.acknowledgedAt() == null ? null : a.acknowledgedBy() + ", " + AlertRecordEntry.after(a.toAcknowledge()),
                a.attendedAt() == null ? null : a.attendedBy() + ", " + AlertRecordEntry.after(a.toAttend()),
                a.closedAt() == null ? null : a.closedBy() + " at " + TIME.format(a.closedAt()),
                a.outcome() == null ? null : AlertKind.outcomeText(a.outcome()) + (a.outcomeNote() == null || a.outcomeNote().isBlank() ? "" : " – " + a.outcomeNote()),
                a.kind().outcomes());
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    public String statusText() {
        return switch (status) {
            case "open" -> "Waiting for someone";
            case "acknowledged" -> "Acknowledged";
            case "attended" -> "Someone is with them";
            default -> "Closed";
        };
    }

    public String tagColour() {
        return switch (severity) {
            case "emergency" -> "nhsuk-tag--red";
            case "urgent" -> "nhsuk-tag--orange";
            default -> "nhsuk-tag--blue";
        };
    }

    public String outcomeLabel(String code) {
        return AlertKind.outcomeText(code);
    }

    private static String waited(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
