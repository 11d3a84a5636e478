package org.joinedup.fhir;

import java.time.Instant;
import java.util.List;

/** Every version written to the store, in the order of their times: for modules that follow changes (subscriptions). */
public interface ChangeFeed {

    /** One version written: its place in the feed (time, store key, version), what it is, and whether it is a deletion. */
    record Change(Instant lastUpdated, long key, int version, String type, String id, boolean deleted) {
    }

    /** Up to {@code limit} versions after the given place (time, key, version), oldest first; of one type, or of all if it is null. */
    List<Change> after(Instant lastUpdated, long key, int version, String type, int limit);
}
