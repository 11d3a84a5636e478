package org.joinedup.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * A module asks for an alert: a fall detected, a dose missed, a NEWS2 score needing a response. Kept in the event
 * publication registry until the alert is raised, so a restart in between loses nothing; one alert per source
 * key, ever, so asking twice (a device sending its event again) raises it once.
 *
 * @param sourceKey the event it is for, unique across the platform ({@code device/<device>/<event id>})
 * @param eventType the source event's own type ({@code person-on-floor}, {@code dose-missed}), which reports count by
 * @param organisation the ODS code of the organisation whose staff respond (the care home, the virtual ward's trust)
 * @param place where, in words (a care home's room, "at home")
 * @param patientId the Patient it concerns, or null (a room's lamp)
 * @param subject the record entry it is about ({@code Observation/123}), or null
 * @param occurredAt when it happened (the device's time)
 * @param receivedAt when the platform had it, from which its response times are measured
 */
public record AlertRequested(String sourceKey, String eventType, AlertKind kind, AlertSeverity severity, String title, String detail, String organisation, String place,
                             String patientId, String subject, Instant occurredAt, Instant receivedAt) {

    public AlertRequested {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
