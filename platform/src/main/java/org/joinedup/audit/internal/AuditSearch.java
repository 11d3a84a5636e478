package org.joinedup.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Searches the audit, newest first, by patient, user, organisation, time and break-glass; paged by sequence number. */
@Component
class AuditSearch {

    /**
     * What to look for; null fields do not filter.
     *
     * @param before only entries older than this sequence number (the next page)
     */
    record Query(String patient, String agent, String organization, Instant from, Instant to, Boolean breakGlass, String agentKind,
                 Long before, int count) {
    }

    /** Blocks are read this many at a time, newest first, until enough entries are found. */
    private static final int BLOCKS_PER_QUERY = 8;

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The database finds the blocks that may hold matching entries (by their summaries, with indexes); the lines
     * of those blocks are then read newest first and each entry checked against the whole query.
     */
    List<AuditEntry> find(Query query) {
        StringBuilder sql = new StringBuilder("SELECT first_seq, lines FROM audit_block WHERE first_seq < ?");
        List<Object> args = new ArrayList<>();
        args.add(query.before() == null ? Long.MAX_VALUE : query.before());
        if (query.patient() != null) {
            sql.append(" AND patients @> ARRAY[?]::text[]");
            args.add(query.patient());
        }
        if (query.agent() != null) {
            sql.append(" AND agents @> ARRAY[?]::text[]");
            args.add(query.agent());
        }
        if (query.organization() != null) {
            sql.append(" AND organizations @> ARRAY[?]::text[]");
            args.add(query.organization());
        }
        if (query.from() != null) {
            sql.append(" AND last_recorded >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND first_recorded < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (Boolean.TRUE.equals(query.breakGlass())) {
            sql.append(" AND break_glass");
        }
        sql.append(" ORDER BY first_seq DESC LIMIT " + BLOCKS_PER_QUERY);
        List<AuditEntry> found = new ArrayList<>();
        while (found.size() < query.count()) {
            List<long[]> firsts = new ArrayList<>();
            jdbc.query(sql.toString(), rs -> {
                firsts.add(new long[] {rs.getLong(1)});
                List<String[]> lines = AuditBlocks.lines(rs.getString(2));
                for (int i = lines.size() - 1; i >= 0 && found.size() < query.count(); i--) {
                    String json = lines.get(i)[1];
                    if (mayMatch(json, query)) {
                        AuditEntry entry = AuditLines.entry(json);
                        if (matches(entry, query)) {
                            found.add(entry);
                        }
                    }
                }
            }, args.toArray());
            if (firsts.size() < BLOCKS_PER_QUERY) {
                break;
            }
            args.set(0, firsts.getLast()[0]);
        }
        return found;
    }

    /** A cheap look at the text before parsing it: the patient, agent or organisation asked for must appear in it. */
    private static boolean mayMatch(String json, Query query) {
        return appears(json, query.patient()) && appears(json, query.agent()) && appears(json, query.organization());
    }

    private static boolean appears(String json, String value) {
        if (value == null) {
            return true;
        }
        StringBuilder quoted = new StringBuilder();
        AuditLines.string(quoted, value);
        return json.contains(quoted);
    }

    static boolean matches(AuditEntry e, Query query) {
        return (query.patient() == null || e.patients().contains(query.patient()))
                && (query.agent() == null || query.agent().equals(e.agent()))
                && (query.organization() == null || query.organization().equals(e.organization()))
                && (query.from() == null || !e.recorded().isBefore(query.from()))
                && (query.to() == null || e.recorded().isBefore(query.to()))
                && (query.breakGlass() == null || query.breakGlass() == e.breakGlass())
                && (query.agentKind() == null || query.agentKind().equals(e.agentKind()))
                && (query.before() == null || e.seq() < query.before());
    }

    /** A date ({@code 2026-11-26}, from its start) or an instant; for {@code to}, a date means up to its end. */
    static Instant instant(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return Instant.parse(value);
        }
    }
}
