package org.joinedup.subscription.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FollowedChanges;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.joinedup.subscription.SubscriptionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows the store's change feed and notifies subscribers. Every poll looks again over the last few seconds
 * (versions whose transactions committed after later ones), skipping versions already seen; the place reached is
 * kept in the database, so after a restart notifications continue from there (a version near the restart may be
 * notified twice, never missed). Each batch of changed resources of one type is matched against each Subscription
 * on that type by running its criteria narrowed to their ids, as that subscription, so that what it is told is
 * audited.
 */
@Component
class ChangeDispatcher implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeDispatcher.class);

    private final ChangeFeed feed;
    private final SubscriptionRegistry registry;
    private final Deliveries deliveries;
    private final FhirApi fhir;
    private final JdbcTemplate jdbc;
    private final SubscriptionProperties properties;
    private final PollingLoop loop;
    private FollowedChanges changes;

    ChangeDispatcher(ChangeFeed feed, SubscriptionRegistry registry, Deliveries deliveries, FhirApi fhir, JdbcTemplate jdbc,
                     SubscriptionProperties properties) {
        this.feed = feed;
        this.registry = registry;
        this.deliveries = deliveries;
        this.fhir = fhir;
        this.jdbc = jdbc;
        this.properties = properties;
        this.loop = new PollingLoop("subscriptions", properties.pollInterval(), log, "Subscription notifications failed this round", this::poll);
    }

    @Override
    public synchronized void start() {
        Instant cursor = jdbc.query("SELECT at FROM subscription_cursor WHERE name = 'changes'", rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null);
        if (cursor == null) {
            cursor = Instant.now(); // a new platform notifies changes from now on, not its whole history
        }
        changes = new FollowedChanges(feed, properties.overlap(), cursor);
        registry.reload();
        log.info("Subscriptions: notifying changes from {}", cursor);
        PolledLifecycle.super.start();
    }

    /**
     * One look at the changes since the cursor (less the overlap). While nobody subscribes, only new Subscriptions
     * are looked for, and the cursor keeps up with the clock, so that the first subscriber is not sent the history.
     */
    synchronized boolean poll() { // one round at a time, even while a stopped thread finishes its last
        String only = registry.isEmpty() ? "Subscription" : null;
        if (only != null) {
            changes.skipTo(Instant.now().minus(properties.overlap()));
        }
        Instant before = changes.cursor();
        List<ChangeFeed.Change> fresh = changes.fresh(only);
        if (fresh.stream().anyMatch(c -> c.type().equals("Subscription"))) {
            registry.reload();
        }
        if (!registry.isEmpty()) {
            notify(fresh);
        }
        if (changes.cursor().isAfter(before)) {
            jdbc.update("INSERT INTO subscription_cursor (name, at) VALUES ('changes', ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at",
                    Timestamp.from(changes.cursor()));
        }
        return false;
    }

    private void notify(List<ChangeFeed.Change> changes) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (ChangeFeed.Change change : changes) {
            if (!change.deleted()) {
                idsByType.computeIfAbsent(change.type(), t -> new HashSet<>()).add(change.id());
            }
        }
        idsByType.forEach((type, ids) -> {
            for (ActiveSubscription subscription : registry.forType(type)) {
                List<String> all = new ArrayList<>(ids);
                for (int i = 0; i < all.size(); i += 100) {
                    for (JsonNode resource : matching(subscription, all.subList(i, Math.min(all.size(), i + 100)))) {
                        deliveries.deliver(subscription, resource);
                    }
                }
            }
        });
    }

    /** The changed resources that meet the subscription's criteria, read as the subscription. */
    private List<JsonNode> matching(ActiveSubscription subscription, List<String> ids) {
        FhirAccess as = new FhirAccess(new FhirAgent("Subscription/" + subscription.id(), "system", null, null, null, "HOPERAT", null),
                FhirAccess.SYSTEM.permissions(), FhirAccess.SYSTEM.visibility(), false);
        return fhir.handle(as, "GET", subscription.criteriaFor(ids) + "&_count=" + ids.size(), null).matches();
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
