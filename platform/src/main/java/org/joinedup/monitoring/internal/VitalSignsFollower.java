package org.joinedup.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.fhir.FollowedChanges;
import org.joinedup.monitoring.MonitoringProperties;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class VitalSignsFollower implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VitalSignsFollower.class);

    private final ChangeFeed feed;
    private final News2Calculator calculator;
    private final JdbcTemplate jdbc;
    private final MonitoringProperties properties;
    private final PollingLoop loop;
    private FollowedChanges changes;

    VitalSignsFollower(ChangeFeed feed, News2Calculator calculator, JdbcTemplate jdbc, MonitoringProperties properties) {
        this.feed = feed;
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.properties = properties;
        this.loop = new PollingLoop("news2", properties.pollInterval(), log, "NEWS2 scoring failed this round", this::poll);
    }

    @Override
    public synchronized void start() {
        Instant cursor = jdbc.query("SELECT at FROM monitoring_cursor WHERE name = 'news2'", rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null);
        changes = new FollowedChanges(feed, properties.overlap(), cursor != null ? cursor : Instant.now()); // a new platform scores from now on
        PolledLifecycle.super.start();
    }

    /** One look at the Observations written since the cursor (less the overlap). */
    synchronized boolean poll() {
        Instant before = changes.cursor();
        List<String> fresh = changes.fresh("Observation").stream().filter(c -> !c.deleted()).map(ChangeFeed.Change::id).distinct().toList();
        if (!fresh.isEmpty()) {
            calculator.scoreAround(fresh);
        }
        if (changes.cursor().isAfter(before)) {
            jdbc.update("INSERT INTO monitoring_cursor (name, at) VALUES ('news2', ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at",
                    Timestamp.from(changes.cursor()));
        }
        return false;
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
