package org.joinedup.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secure data environment.
 *
 * @param directory where the analytics database (DuckDB) and the views' Parquet files are kept; empty: {@code analytics}
 *                  in the database's data directory
 * @param materialise whether the shipped views are kept up to date from the store's changes (the analytics tables)
 * @param followInterval how often the views look for changes in the store
 * @param parquetInterval how often, at most, a changed view's Parquet file is written again
 * @param exportDir where bulk exports write their NDJSON files; empty: {@code exports} in the database's data directory
 *                  (with several nodes, a directory they share)
 * @param exportRetention how long an export's files are kept for download after it completes
 * @param exportFileResources the most resources in one NDJSON file (a type with more is split over several)
 * @param exportWorkers how many exports run at once (more wait their turn)
 */
@ConfigurationProperties("joinedup.analytics")
public record AnalyticsProperties(@DefaultValue("") String directory, @DefaultValue("true") boolean materialise,
                                  @DefaultValue("2s") Duration followInterval, @DefaultValue("30s") Duration parquetInterval,
                                  @DefaultValue("") String exportDir, @DefaultValue("24h") Duration exportRetention,
                                  @DefaultValue("100000") int exportFileResources, @DefaultValue("2") int exportWorkers) {
}
