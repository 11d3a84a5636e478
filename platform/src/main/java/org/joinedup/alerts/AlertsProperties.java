package org.joinedup.alerts;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts.
 *
 * @param escalationCheck how often alerts not acknowledged in time are looked for, to escalate
 * @param defaultEscalateAfter how long an alert waits for acknowledgement before it escalates, when no routing rule says
 * @param zone the local time the routing rules' hours are in
 */
@ConfigurationProperties("joinedup.alerts")
public record AlertsProperties(@DefaultValue("1s") Duration escalationCheck, @DefaultValue("5m") Duration defaultEscalateAfter,
                               @DefaultValue("Europe/London") ZoneId zone) {
}
