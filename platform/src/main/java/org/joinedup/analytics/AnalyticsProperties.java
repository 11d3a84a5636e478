package org.joinedup.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secure data environment.
 *
 * @param exportDir where bulk exports write their NDJSON files; empty: {@code exports} in the database's data directory
 *                  (with several nodes, a directory they share)
 * @param exportRetention how long an export's files are kept for download after it completes
 * @param exportFileResources the most resources in one NDJSON file (a type with more is split over several)
 * @param exportWorkers how many exports run at once (more wait their turn)
 */
@ConfigurationProperties("joinedup.analytics")
public record AnalyticsProperties(@DefaultValue("") String exportDir, @DefaultValue("24h") Duration exportRetention,
                                  @DefaultValue("100000") int exportFileResources, @DefaultValue("2") int exportWorkers) {
}
