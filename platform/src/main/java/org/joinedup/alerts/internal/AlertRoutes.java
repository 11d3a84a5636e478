package org.joinedup.alerts.internal;

import java.sql.Time;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.joinedup.alerts.AlertKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The routing rules: for an alert's organisation, kind and level, at this time of day, the most specific rule in
 * force (the organisation's own before one for any, the kind's own before one for any, hours before all day).
 */
@Component
class AlertRoutes {

    /** A rule to add, as an administrator (or the demo) writes it. */
    record NewRoute(String organisation, String kind, int level, LocalTime from, LocalTime until, String role, String person, String personName,
                    String sms, String email, Duration escalateAfter) {
    }

    private final JdbcTemplate jdbc;

    AlertRoutes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Route> find(String organisation, AlertKind kind, int level, LocalTime now) {
        Time time = Time.valueOf(now.withNano(0));
        return jdbc.query("""
                SELECT id, level, role, person, person_name, sms, email, extract(epoch FROM escalate_after) FROM alert_route
                WHERE retired_at IS NULL AND level = ? AND organisation IN (?, '*') AND kind IN (?, '*')
                  AND (from_time = until_time OR (from_time < until_time AND ? >= from_time AND ? < until_time)
                       OR (from_time > until_time AND (? >= from_time OR ? < until_time)))
                ORDER BY organisation = '*', kind = '*', from_time = until_time, id LIMIT 1""",
                (rs, n) -> new Route(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Duration.ofMillis(Math.round(rs.getDouble(8) * 1000))),
                level, organisation, kind.code(), time, time, time, time).stream().findFirst();
    }

    /** Adds a rule unless the same one is in force already. */
    void add(NewRoute route, String addedBy) {
        jdbc.update("""
                INSERT INTO alert_route (organisation, kind, level, from_time, until_time, role, person, person_name, sms, email, escalate_after, added_by)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, make_interval(secs => ?), ?
                WHERE NOT EXISTS (SELECT 1 FROM alert_route WHERE retired_at IS NULL AND organisation = ? AND kind = ? AND level = ? AND from_time = ?
                                  AND until_time = ? AND role IS NOT DISTINCT FROM ? AND person IS NOT DISTINCT FROM ?)""",
                route.organisation(), route.kind(), route.level(), Time.valueOf(route.from()), Time.valueOf(route.until()), route.role(), route.person(),
                route.personName(), route.sms(), route.email(), route.escalateAfter().toSeconds(), addedBy,
                route.organisation(), route.kind(), route.level(), Time.valueOf(route.from()), Time.valueOf(route.until()), route.role(), route.person());
    }

    /** A rule in force: where, what and when it applies, to whom, how to reach them out of the app, and how long it waits. */
    record Rule(long id, String organisation, String kind, int level, String hours, String to, String sms, String email, long escalateMinutes,
                String addedBy, String addedAt) {

        /** To whom, as operators see it (with the number and address). */
        public String who() {
            return to + (sms != null ? ", text " + sms : "") + (email != null ? ", email " + email : "");
        }

        public String escalateAfter() {
            return escalateMinutes + " min";
        }

        /** As responders see it: to whom and by what, without the number or address. */
        String described() {
            return kind + " alerts, level " + level + ", " + hours + ": " + to + (sms != null ? " by text" : "") + (email != null ? " by email" : "")
                    + "; escalates after " + escalateAfter() + ("*".equals(organisation) ? " (any organisation)" : "");
        }
    }

    /** Every rule in force, by organisation, kind and level. */
    List<Rule> inForce() {
        return jdbc.query("""
                SELECT id, organisation, kind, level, from_time, until_time, coalesce(person_name || ' (' || person || ')', person, 'role ' || role),
                       sms, email, extract(epoch FROM escalate_after)::bigint, added_by, to_char(added_at, 'YYYY-MM-DD HH24:MI')
                FROM alert_route WHERE retired_at IS NULL ORDER BY organisation, kind, level, from_time""",
                (rs, n) -> new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getTime(5).equals(rs.getTime(6)) ? "all day"
                        : rs.getTime(5).toLocalTime() + " to " + rs.getTime(6).toLocalTime(), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getLong(10) / 60, rs.getString(11), rs.getString(12)));
    }

    /** Retires a rule (kept, with who and when); false if it was not in force. */
    boolean retire(long id, String by) {
        return jdbc.update("UPDATE alert_route SET retired_at = now(), retired_by = ? WHERE id = ? AND retired_at IS NULL", by, id) == 1;
    }

    /** The rules in force for an organisation (its own and those for any), in words, for its responders' page. */
    List<String> describe(String organisation) {
        return inForce().stream().filter(r -> r.organisation().equals(organisation) || r.organisation().equals("*"))
                .sorted(java.util.Comparator.comparing(Rule::kind).thenComparingInt(Rule::level)).map(Rule::described).toList();
    }
}
