package org.joinedup.alerts;

/**
 * An alert was raised or changed (published after its change committed, for live pages; not kept: a page that
 * misses one fetches again when it reconnects).
 */
public record AlertChanged(String alertId, String organisation, String patientId, String status) {
}
