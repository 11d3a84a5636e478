package org.joinedup.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The analytics tables: the shipped SQL on FHIR views of the whole record, kept up to date from the store's changes
 * in an embedded DuckDB and written to Parquet. For the secure data environment's own pages and jobs: they hold
 * identifiable data, so what reaches a person goes through a project's or a dashboard's rules first.
 */
public interface AnalyticsTables {

    /** How up to date the tables are. */
    record Freshness(Instant followedTo, Instant lastApplied, Duration lastLag, Map<String, Long> rows, java.nio.file.Path parquetDirectory) {
    }

    /** A read-only SQL query (DuckDB's dialect) over the tables, with bind values; its rows, column by name. */
    List<Map<String, Object>> query(String sql, Object... args);

    /** Whether the tables have been built and are following the store. */
    boolean ready();

    Freshness freshness();

    /** The views' names and their columns, in order. */
    Map<String, List<String>> views();
}
