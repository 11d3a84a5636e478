package org.joinedup.notify.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The hours in which no message is sent (by default 20:00 to 08:00, English time): a message due then waits for their end. */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** The first moment at or after {@code at} outside the quiet hours. */
    Instant nextAllowed(Instant at) {
        if (start.equals(end)) {
            return at; // no quiet hours
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return at;
        }
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : local.plusDays(1).with(end)).toInstant();
    }
}
