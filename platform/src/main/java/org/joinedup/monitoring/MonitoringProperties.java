package org.joinedup.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monitoring.
 *
 * @param pollInterval how often new vital signs are looked for, to score
 * @param overlap how far back each look reaches again, for writes whose transactions committed late
 * @param overdueCheck how often virtual ward patients' monitoring plans are checked for overdue readings
 */
@ConfigurationProperties("joinedup.monitoring")
public record MonitoringProperties(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("5s") Duration overlap,
                                   @DefaultValue("5m") Duration overdueCheck) {
}
