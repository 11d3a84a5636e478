package org.joinedup.notify;

/**
 * Messages not yet sent whose reference begins with {@code referencePrefix} are no longer wanted (an appointment
 * was cancelled or moved): they are cancelled, with the reason, and not sent.
 */
public record MessagesWithdrawn(String referencePrefix, String reason) {
}
