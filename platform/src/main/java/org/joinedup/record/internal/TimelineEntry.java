package org.joinedup.record.internal;

/** One event on the timeline: its kind, what it was, a detail, where it came from, and when (as stored, and as shown). */
public record TimelineEntry(String kind, String type, String id, String text, String detail, String from, String at, String when) {
}
