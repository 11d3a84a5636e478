package org.joinedup.fhir.internal.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a FHIR date, dateTime or instant stands for at its precision, as a half-open range of epoch
 * microseconds: {@code 2024} is the whole year, {@code 2024-03-01T10:15:00Z} the whole second.
 * A date or time without a time zone is read as UTC. Unbounded ends use {@link Long#MIN_VALUE} and
 * {@link Long#MAX_VALUE}.
 */
public record DateRange(long low, long high) {

    public static final long NEGATIVE_INFINITY = Long.MIN_VALUE;
    public static final long POSITIVE_INFINITY = Long.MAX_VALUE;

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    /** Parses a FHIR date, dateTime or instant (or a search value in the same form); empty if it is not one. */
    public static Optional<DateRange> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(between(LocalDate.of(year, 1, 1).atStartOfDay(), LocalDate.of(year + 1, 1, 1).atStartOfDay(), ZoneOffset.UTC));
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDate start = LocalDate.of(year, month, 1);
                return Optional.of(between(start.atStartOfDay(), start.plusMonths(1).atStartOfDay(), ZoneOffset.UTC));
            }
            LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return Optional.of(between(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
            }
            ZoneOffset zone = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            int seconds = m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)));
            LocalDateTime start = LocalDateTime.of(day, LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds));
            if (m.group(6) == null) {
                return Optional.of(between(start, start.plusMinutes(1), zone));
            }
            String fraction = m.group(7);
            if (fraction == null) {
                return Optional.of(between(start, start.plusSeconds(1), zone));
            }
            long unitNanos = (long) Math.pow(10, 9 - fraction.length());
            long nanos = Long.parseLong(fraction) * unitNanos;
            LocalDateTime precise = start.plusNanos(nanos);
            return Optional.of(between(precise, precise.plusNanos(Math.max(unitNanos, 1000)), zone));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static DateRange between(LocalDateTime start, LocalDateTime end, ZoneOffset zone) {
        return new DateRange(micros(start, zone), micros(end, zone));
    }

    private static long micros(LocalDateTime time, ZoneOffset zone) {
        java.time.Instant instant = time.toInstant(zone);
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /** A range from the start of one value to the end of another; either may be null for an open end. */
    public static DateRange spanning(DateRange start, DateRange end) {
        return new DateRange(start == null ? NEGATIVE_INFINITY : start.low, end == null ? POSITIVE_INFINITY : end.high);
    }

    /** A bound as an instant (not for the infinite ends). */
    public static java.time.Instant instant(long micros) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** The bound as PostgreSQL reads a timestamptz. */
    public static String toSql(long micros) {
        if (micros == NEGATIVE_INFINITY) {
            return "-infinity";
        }
        if (micros == POSITIVE_INFINITY) {
            return "infinity";
        }
        return instant(micros).toString();
    }
}
