package org.joinedup.alerts.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.joinedup.alerts.AlertKind;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * An alert about a patient, on their shared care record: a Communication (category alert, its priority from the
 * severity) sent when it was raised, in progress until it is closed, saying in its payload who it went to, who
 * acknowledged and attended and how fast, and the outcome. Written again at each change, in the change's own
 * transaction, so the record's versions are the alert's history.
 */
@Component
class AlertRecordEntry {

    static final String IDENTIFIER_SYSTEM = "https://fhir.joinedup.nhs.uk/Id/alert";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    private final FhirApi fhir;

    AlertRecordEntry(FhirApi fhir) {
        this.fhir = fhir;
    }

    /** The Communication's reference once written, or null for an alert about no patient. */
    String write(Alert alert) {
        if (alert.patientId() == null) {
            return null;
        }
        String id = "alert-" + alert.id();
        ObjectNode c = JSON.createObjectNode().put("resourceType", "Communication").put("id", id);
        c.putArray("identifier").addObject().put("system", IDENTIFIER_SYSTEM).put("value", alert.id().toString());
        c.put("status", alert.open() ? "in-progress" : "completed");
        c.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/communication-category")
                .put("code", "alert").put("display", "Alert");
        c.put("priority", org.joinedup.alerts.AlertSeverity.valueOf(alert.severity().toUpperCase(java.util.Locale.ROOT)).fhirPriority());
        c.putObject("subject").put("reference", "Patient/" + alert.patientId());
        c.putObject("topic").put("text", alert.kind().label() + " alert: " + alert.title());
        if (alert.subject() != null) {
            c.putArray("about").addObject().put("reference", alert.subject());
        }
        c.put("sent", alert.raisedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        if (alert.acknowledgedAt() != null) {
            c.put("received", alert.acknowledgedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        c.putArray("recipient").addObject().put("display", alert.routedTo()).putObject("identifier")
                .put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", alert.organisation());
        ArrayNode payload = c.putArray("payload");
        payload.addObject().put("contentString", alert.kind().label() + " alert: " + alert.title() + (alert.detail() == null ? "" : ". " + alert.detail())
                + (alert.place() == null ? "" : " (" + alert.place() + ")") + ". Raised " + TIME.format(alert.raisedAt()) + ", sent to " + alert.routedTo() + ".");
        if (alert.acknowledgedAt() != null) {
            payload.addObject().put("contentString", "Acknowledged by " + alert.acknowledgedBy() + " " + after(alert.toAcknowledge()) + ".");
        }
        if (alert.attendedAt() != null) {
            payload.addObject().put("contentString", "Attended by " + alert.attendedBy() + " " + after(alert.toAttend()) + ".");
        }
        if (alert.closedAt() != null) {
            payload.addObject().put("contentString", "Closed by " + alert.closedBy() + " at " + TIME.format(alert.closedAt()) + ". Outcome: "
                    + AlertKind.outcomeText(alert.outcome()) + (alert.outcomeNote() == null || alert.outcomeNote().isBlank() ? "" : " – " + alert.outcomeNote()) + ".");
        }
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "PUT", "Communication/" + id, c.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("The alert could not be written to the record: " + answer.status() + " " + answer.text());
        }
        return "Communication/" + id;
    }

    /** "after 45 seconds", "after 3 min 20 s" from the alert's arrival. */
    static String after(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds < 120 ? "after " + seconds + " seconds" : "after " + seconds / 60 + " min " + seconds % 60 + " s";
    }
}
