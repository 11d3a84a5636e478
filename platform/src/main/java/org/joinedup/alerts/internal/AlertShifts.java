package org.joinedup.alerts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who is on shift for alerts: started and ended by each member of staff on the alerts page, kept (never deleted). */
@Component
class AlertShifts {

    /** Shifts left open longer than this are taken as ended (someone forgot to end theirs). */
    static final String LONGEST = "14 hours";

    private final JdbcTemplate jdbc;

    AlertShifts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(String username, String organisation, String role) {
        jdbc.update("""
                INSERT INTO alert_shift (username, organisation, role, started_at)
                SELECT ?, ?, ?, now() WHERE NOT EXISTS (SELECT 1 FROM alert_shift WHERE username = ? AND organisation = ? AND ended_at IS NULL
                                                        AND started_at > now() - interval '""" + LONGEST + "')", username, organisation, role, username,
                organisation);
        jdbc.update("UPDATE alert_shift SET ended_at = started_at + interval '" + LONGEST + "' WHERE username = ? AND organisation = ? AND ended_at IS NULL "
                + "AND started_at <= now() - interval '" + LONGEST + "'", username, organisation);
    }

    void end(String username, String organisation) {
        jdbc.update("UPDATE alert_shift SET ended_at = now() WHERE username = ? AND organisation = ? AND ended_at IS NULL", username, organisation);
    }

    /** When the member of staff's shift began, if they are on shift. */
    Optional<Instant> since(String username, String organisation) {
        return jdbc.query("SELECT started_at FROM alert_shift WHERE username = ? AND organisation = ? AND ended_at IS NULL AND started_at > now() - interval '"
                + LONGEST + "'", (rs, n) -> rs.getTimestamp(1).toInstant(), username, organisation).stream().findFirst();
    }

    /** The staff of an organisation in a role on shift now. */
    List<String> onShift(String organisation, String role) {
        return jdbc.queryForList("SELECT username FROM alert_shift WHERE organisation = ? AND role = ? AND ended_at IS NULL AND started_at > now() - interval '"
                + LONGEST + "' ORDER BY started_at", String.class, organisation, role);
    }
}
