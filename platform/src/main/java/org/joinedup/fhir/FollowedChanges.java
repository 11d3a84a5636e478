package org.joinedup.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A follower's place in the {@link ChangeFeed}: each look returns the versions written since the last, reaching back
 * over an overlap for transactions that committed late, and giving each version once. The caller keeps the place
 * ({@link #cursor()}) where it survives a restart; after one, a version near the place may be given again.
 */
public final class FollowedChanges {

    private static final int BATCH = 1000;

    private final ChangeFeed feed;
    private final Duration overlap;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private Instant cursor;

    public FollowedChanges(ChangeFeed feed, Duration overlap, Instant from) {
        this.feed = feed;
        this.overlap = overlap;
        this.cursor = from;
    }

    /** The versions of one type (all types if null) written since the last look and not given before, oldest first. */
    public List<ChangeFeed.Change> fresh(String type) {
        ChangeFeed.Change last = new ChangeFeed.Change(cursor.minus(overlap), 0, 0, null, null, false);
        List<ChangeFeed.Change> fresh = new ArrayList<>();
        List<ChangeFeed.Change> page;
        do {
            page = feed.after(last.lastUpdated(), last.key(), last.version(), type, BATCH);
            for (ChangeFeed.Change change : page) {
                if (seen.putIfAbsent(change.key() + "/" + change.version(), change.lastUpdated()) == null) {
                    fresh.add(change);
                }
                last = change;
            }
        } while (page.size() == BATCH);
        if (last.lastUpdated().isAfter(cursor)) {
            cursor = last.lastUpdated();
        }
        Instant forget = cursor.minus(overlap);
        seen.values().removeIf(at -> at.isBefore(forget));
        return fresh;
    }

    /** The time of the last version looked at: where to start again after a restart. */
    public Instant cursor() {
        return cursor;
    }

    /** Moves the place on (never back), for a follower that has nothing to tell about what it skips. */
    public void skipTo(Instant at) {
        if (at.isAfter(cursor)) {
            cursor = at;
        }
    }
}
