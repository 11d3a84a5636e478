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

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEntry> find(Query query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (query.patient() != null) {
            sql.append(" AND patients @> ARRAY[?]::text[]");
            args.add(query.patient());
        }
        if (query.agent() != null) {
            sql.append(" AND agent = ?");
            args.add(query.agent());
        }
        if (query.organization() != null) {
            sql.append(" AND organization = ?");
            args.add(query.organization());
        }
        if (query.from() != null) {
            sql.append(" AND recorded >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND recorded < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (query.breakGlass() != null) {
            sql.append(" AND break_glass = ?");
            args.add(query.breakGlass());
        }
        if (query.agentKind() != null) {
            sql.append(" AND agent_kind = ?");
            args.add(query.agentKind());
        }
        if (query.before() != null) {
            sql.append(" AND seq < ?");
            args.add(query.before());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(query.count());
        return jdbc.query(sql.toString(), (rs, i) -> AuditRows.entry(rs), args.toArray());
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
