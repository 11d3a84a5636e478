package org.joinedup.analytics.internal.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.analytics.AnalyticsProperties;
import org.joinedup.analytics.AnalyticsTables;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.fhir.FhirApi;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The analytics tables as the platform runs them: the DuckDB file ({@code analytics.duckdb}) and Parquet files
 * ({@code parquet/<view>.parquet}) in {@code joinedup.analytics.directory}, kept up to date by a {@link ViewMaterialiser}
 * on a thread of its own ({@code joinedup.analytics.follow-interval}); queries run on their own connection, in a
 * transaction that is always rolled back, so nothing a query does is kept.
 */
@Component
class LiveAnalyticsTables implements AnalyticsTables, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalyticsTables.class);

    private final AnalyticsProperties properties;
    private final Path directory;
    private final FhirApi fhir;
    private final ChangeFeed feed;
    private AnalyticsDatabase database;
    private final Object making = new Object();
    private volatile ViewMaterialiser materialiser;
    private PollingLoop loop;

    LiveAnalyticsTables(AnalyticsProperties properties, DatabaseProperties databaseProperties, FhirApi fhir, ChangeFeed feed,
                        org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        meters.ifAvailable(registry -> io.micrometer.core.instrument.Gauge.builder("joinedup.analytics.lag", this,
                        tables -> tables.materialiser == null ? 0 : tables.materialiser.lastLag().toMillis() / 1000.0)
                .description("From the oldest change in the last round of changes applied to the analytics tables to its rows being committed")
                .baseUnit("seconds").register(registry));
        this.properties = properties;
        this.directory = properties.directory().isBlank() ? databaseProperties.dataDir().resolve("analytics") : Path.of(properties.directory());
        this.fhir = fhir;
        this.feed = feed;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... args) {
        try {
            return database.read(connection -> {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, args[i]);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows(rows);
                    }
                } finally {
                    connection.rollback();
                }
            });
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), rows.getObject(c));
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public boolean ready() {
        return database != null && materialiser().ready();
    }

    /** The views and their follower, made at first use (on the follower's thread), not at start-up. */
    private ViewMaterialiser materialiser() {
        synchronized (making) { // not the lifecycle's lock: stopping waits for a round that may be making it
            if (materialiser == null) {
                materialiser = new ViewMaterialiser(database, fhir, feed, directory.resolve("parquet"));
            }
            return materialiser;
        }
    }

    @Override
    public Freshness freshness() {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (ready()) {
            for (ShippedViews.Shipped view : materialiser().views()) {
                counts.put(view.name(), ((Number) query("SELECT count(*) AS n FROM " + ViewTable.quoted(view.name())).getFirst().get("n")).longValue());
            }
        }
        return new Freshness(materialiser == null ? null : materialiser.followedTo(), materialiser == null ? null : materialiser.lastApplied(),
                materialiser == null ? null : materialiser.lastLag(), counts, directory.resolve("parquet"));
    }

    @Override
    public Map<String, List<String>> views() {
        Map<String, List<String>> views = new LinkedHashMap<>();
        materialiser().views().forEach(v -> views.put(v.name(), v.view().columns()));
        return views;
    }

    @Override
    public synchronized void start() {
        database = new AnalyticsDatabase(directory.resolve("analytics.duckdb"));
        if (properties.materialise()) {
            loop = new PollingLoop("analytics-views", properties.followInterval(), log, "Keeping the analytics tables up to date failed", () -> {
                try {
                    return materialiser().round(properties);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            loop.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
        try {
            database.close();
        } catch (SQLException e) {
            log.warn("Closing the analytics database failed", e);
        }
        database = null;
        materialiser = null;
    }

    @Override
    public boolean isRunning() {
        return database != null;
    }

    /** A statement, for tests and tools that need one outside a query's rules. */
    void execute(String sql) throws SQLException {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }
}
