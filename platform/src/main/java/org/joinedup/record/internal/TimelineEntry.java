package org.joinedup.record.internal;

/**
 * One event on the timeline: its kind, what it was, a detail, where it came from (shown, and the organisation's
 * reference when known), when (as stored, and as shown), and where a search found its words (null without one).
 */
public record TimelineEntry(String kind, String type, String id, String text, String detail, String from, String fromOrganisation, String at,
                            String when, Highlights highlights) {

    TimelineEntry highlighted(Highlights found) {
        return new TimelineEntry(kind, type, id, text, detail, from, fromOrganisation, at, when, found);
    }
}
