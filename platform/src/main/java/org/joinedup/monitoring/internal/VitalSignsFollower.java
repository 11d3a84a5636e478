package org.joinedup.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.monitoring.MonitoringProperties;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows the store's change feed for Observations, whoever wrote them (the FHIR API, a feed, a device), and has
 * each new one's set scored. Each look reaches back over the overlap again (a transaction that committed late),
 * skipping versions already seen; the place reached is kept in the database, so after a restart scoring goes on
 * from there (a set near the restart may be looked at twice, and is then not scored twice: the score is created
 * only if those readings have none).
 */
@Component
class VitalSignsFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VitalSignsFollower.class);
    private static final int BATCH = 1000;

    private final ChangeFeed feed;
    private final News2Calculator calculator;
    private final JdbcTemplate jdbc;
    private final MonitoringProperties properties;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final PollingLoop loop;
    private Instant cursor;

    VitalSignsFollower(ChangeFeed feed, News2Calculator calculator, JdbcTemplate jdbc, MonitoringProperties properties) {
        this.feed = feed;
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.properties = properties;
        this.loop = new PollingLoop("news2", properties.pollInterval(), log, "NEWS2 scoring failed this round", this::poll);
    }

    @Override
    public synchronized void start() {
        cursor = jdbc.query("SELECT at FROM monitoring_cursor WHERE name = 'news2'", rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null);
        if (cursor == null) {
            cursor = Instant.now(); // a new platform scores what is written from now on
        }
        loop.start();
    }

    /** One look at the Observations written since the cursor (less the overlap). */
    synchronized boolean poll() {
        Instant from = cursor.minus(properties.overlap());
        ChangeFeed.Change last = new ChangeFeed.Change(from, 0, 0, null, null, false);
        List<String> fresh = new ArrayList<>();
        List<ChangeFeed.Change> page;
        do {
            page = feed.after(last.lastUpdated(), last.key(), last.version(), "Observation", BATCH);
            for (ChangeFeed.Change change : page) {
                if (seen.putIfAbsent(change.key() + "/" + change.version(), change.lastUpdated()) == null && !change.deleted()) {
                    fresh.add(change.id());
                }
                last = change;
            }
        } while (page.size() == BATCH);
        if (!fresh.isEmpty()) {
            calculator.scoreAround(fresh.stream().distinct().toList());
        }
        if (last.lastUpdated().isAfter(cursor)) {
            cursor = last.lastUpdated();
            jdbc.update("INSERT INTO monitoring_cursor (name, at) VALUES ('news2', ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at", Timestamp.from(cursor));
        }
        Instant forget = cursor.minus(properties.overlap());
        seen.values().removeIf(at -> at.isBefore(forget));
        return false;
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
