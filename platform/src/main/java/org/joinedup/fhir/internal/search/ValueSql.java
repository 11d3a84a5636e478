package org.joinedup.fhir.internal.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.joinedup.fhir.internal.index.DateRange;
import org.joinedup.fhir.internal.index.TextNormalizer;
import org.joinedup.fhir.internal.outcome.FhirException;

/**
 * SQL predicates for one search value of each parameter type, with the FHIR R4 semantics: token
 * {@code system|code} forms, string starts-with on folded text, date and number ranges at the precision
 * written, and the comparison prefixes.
 */
final class ValueSql {

    private ValueSql() {
    }

    /** {@code code}, {@code system|code}, {@code |code} or {@code system|}. */
    static void token(String value, Columns.Token c, Sql sql) {
        var parts = Escaping.split(value, '|');
        if (parts.size() == 1) {
            sql.append(c.code() + " = ").arg(Escaping.unescape(value));
            return;
        }
        String system = Escaping.unescape(parts.get(0));
        String code = Escaping.unescape(String.join("|", parts.subList(1, parts.size())));
        if (system.isEmpty()) {
            sql.append(c.system() + " IS NULL AND " + c.code() + " = ").arg(code);
        } else if (code.isEmpty()) {
            sql.append(c.system() + " = ").arg(system);
        } else {
            sql.append(c.code() + " = ").arg(code).append(" AND " + c.system() + " = ").arg(system);
        }
    }

    /** {@code :text}: the display or text starts with the value, or has a word that does. */
    static void tokenText(String value, Columns.Token c, Sql sql) {
        String folded = TextNormalizer.normalize(Escaping.unescape(value));
        sql.append("(");
        startsWith(c.text(), folded, sql);
        sql.append(" OR " + c.text() + " LIKE ").arg("% " + likeEscape(folded) + "%").append(")");
    }

    /** The default string match: folded value starts with the folded search text, as an index range. */
    static void stringStartsWith(String value, String column, Sql sql) {
        startsWith(column, TextNormalizer.normalize(Escaping.unescape(value)), sql);
    }

    static void stringContains(String value, String column, Sql sql) {
        sql.append(column + " LIKE ").arg("%" + likeEscape(TextNormalizer.normalize(Escaping.unescape(value))) + "%");
    }

    static void startsWith(String column, String prefix, Sql sql) {
        if (prefix.isEmpty()) {
            sql.append(column + " IS NOT NULL");
            return;
        }
        int last = prefix.codePointBefore(prefix.length());
        String upper = prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
        sql.append("(" + column + " >= ").arg(prefix).append(" AND " + column + " < ").arg(upper).append(")");
    }

    /** A date value with prefix against a half-open [low, high) range held in two columns. */
    static void date(String value, Columns.Dates c, Sql sql) {
        Prefix.Split split = Prefix.split(value);
        DateRange range = DateRange.parse(split.value())
                .orElseThrow(() -> FhirException.badRequest("'" + split.value() + "' is not a valid date for a search"));
        OffsetDateTime low = timestamp(range.low());
        OffsetDateTime high = timestamp(range.high());
        String lo = c.low();
        String hi = c.high();
        switch (split.prefix()) {
            case EQ -> sql.append("(" + lo + " >= ").arg(low).append(" AND " + hi + " <= ").arg(high).append(")");
            case NE -> sql.append("(" + lo + " < ").arg(low).append(" OR " + hi + " > ").arg(high).append(")");
            case GT -> sql.append(hi + " > ").arg(high);
            case LT -> sql.append(lo + " < ").arg(low);
            case GE -> sql.append("(" + hi + " > ").arg(high).append(" OR (" + lo + " >= ").arg(low)
                    .append(" AND " + hi + " <= ").arg(high).append("))");
            case LE -> sql.append("(" + lo + " < ").arg(low).append(" OR (" + lo + " >= ").arg(low)
                    .append(" AND " + hi + " <= ").arg(high).append("))");
            case SA -> sql.append(lo + " >= ").arg(high);
            case EB -> sql.append(hi + " <= ").arg(low);
            case AP -> {
                long now = Instant.now().toEpochMilli() * 1000;
                long gap = Math.abs(now - range.low()) / 10;
                sql.append("(" + lo + " < ").arg(timestamp(saturatingAdd(range.high(), gap)))
                        .append(" AND " + hi + " > ").arg(timestamp(saturatingAdd(range.low(), -gap))).append(")");
            }
        }
    }

    /** A number with prefix: {@code 100} means [99.5, 100.5), as precise as written. */
    static void number(String value, String column, Sql sql) {
        Prefix.Split split = Prefix.split(value);
        BigDecimal number = parseNumber(split.value());
        BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(number.scale(), 0) + 1).multiply(BigDecimal.valueOf(5));
        if (number.scale() < 0) {
            half = BigDecimal.valueOf(5).movePointRight(-number.scale() - 1);
        }
        BigDecimal low = number.subtract(half);
        BigDecimal high = number.add(half);
        switch (split.prefix()) {
            case EQ -> sql.append("(" + column + " >= ").arg(low).append(" AND " + column + " < ").arg(high).append(")");
            case NE -> sql.append("(" + column + " < ").arg(low).append(" OR " + column + " >= ").arg(high).append(")");
            case GT, SA -> sql.append(column + " > ").arg(number);
            case LT, EB -> sql.append(column + " < ").arg(number);
            case GE -> sql.append(column + " >= ").arg(number);
            case LE -> sql.append(column + " <= ").arg(number);
            case AP -> {
                BigDecimal margin = number.abs().multiply(new BigDecimal("0.1"));
                sql.append("(" + column + " >= ").arg(number.subtract(margin)).append(" AND " + column + " <= ")
                        .arg(number.add(margin)).append(")");
            }
        }
    }

    /** {@code [prefix]number|system|code}; without a system the code may match the code or the unit. */
    static void quantity(String value, Columns.Quantity c, Sql sql) {
        var parts = Escaping.split(value, '|');
        sql.append("(");
        number(Escaping.unescape(parts.get(0)), c.value(), sql);
        String system = parts.size() > 1 ? Escaping.unescape(parts.get(1)) : "";
        String code = parts.size() > 2 ? Escaping.unescape(parts.get(2)) : "";
        if (!system.isEmpty()) {
            sql.append(" AND " + c.system() + " = ").arg(system);
        }
        if (!code.isEmpty()) {
            if (system.isEmpty() && c.unit() != null) {
                sql.append(" AND (" + c.code() + " = ").arg(code).append(" OR " + c.unit() + " = ").arg(code).append(")");
            } else {
                sql.append(" AND " + c.code() + " = ").arg(code);
            }
        }
        sql.append(")");
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw FhirException.badRequest("'" + text + "' is not a valid number for a search");
        }
    }

    /** A bound as PgJDBC sends a timestamptz; the open ends are PostgreSQL's infinities. */
    static OffsetDateTime timestamp(long micros) {
        if (micros == DateRange.NEGATIVE_INFINITY) {
            return OffsetDateTime.MIN;
        }
        if (micros == DateRange.POSITIVE_INFINITY) {
            return OffsetDateTime.MAX;
        }
        return DateRange.instant(micros).atOffset(ZoneOffset.UTC);
    }

    private static long saturatingAdd(long value, long delta) {
        long result = value + delta;
        if (((value ^ result) & (delta ^ result)) < 0) {
            return delta > 0 ? DateRange.POSITIVE_INFINITY : DateRange.NEGATIVE_INFINITY;
        }
        return result;
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
