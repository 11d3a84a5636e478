package org.joinedup.alerts.internal;

import java.time.Duration;

/** Who a routing rule sends an alert to at its level: a role of the organisation's staff, or a person, and how to reach them out of the app. */
record Route(long id, int level, String role, String person, String personName, String sms, String email, Duration escalateAfter) {

    /** Who, in words, for pages and the alert's history. */
    String who(String organisation) {
        String inApp = person != null ? (personName != null ? personName : person) : "staff of " + organisation + " in the role " + role;
        return inApp + (sms != null ? " (text to " + mask(sms) + ")" : "") + (email != null ? " (email)" : "");
    }

    private static String mask(String number) {
        return "*".repeat(Math.max(0, number.length() - 3)) + number.substring(Math.max(0, number.length() - 3));
    }
}
