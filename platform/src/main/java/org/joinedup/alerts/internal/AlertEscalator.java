package org.joinedup.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import org.joinedup.alerts.AlertsProperties;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalates alerts not acknowledged in time, every {@code escalation-check}. The times are in the database, so
 * an alert due while the platform was stopped escalates as soon as it starts again; rows are taken with
 * {@code SKIP LOCKED}, so two nodes never escalate the same alert. Also keeps the live pages' streams alive.
 */
@Component
class AlertEscalator implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalator.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final AlertDesk desk;
    private final LiveAlerts live;
    private final PollingLoop loop;
    private Instant lastKeepAlive = Instant.EPOCH;

    AlertEscalator(AlertDesk desk, LiveAlerts live, AlertsProperties properties) {
        this.desk = desk;
        this.live = live;
        this.loop = new PollingLoop("alert-escalation", properties.escalationCheck(), log, "Alerts: escalation could not run", this::round);
    }

    private boolean round() {
        if (Instant.now().isAfter(lastKeepAlive.plus(KEEP_ALIVE))) {
            lastKeepAlive = Instant.now();
            live.keepAlive();
        }
        return desk.escalateDue() == AlertDesk.ESCALATION_BATCH; // a full round: there may be more due
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
