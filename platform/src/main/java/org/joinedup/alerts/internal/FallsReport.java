package org.joinedup.alerts.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A care home's falls by month: the falls (a lamp's fall or person-on-floor alerts not closed as false alarms),
 * the alerts of every kind of lamp event, injuries and ambulances, the median and 90th centile times from the
 * event's arrival to acknowledgement and to someone being with the person, and falls per 1,000 occupied bed days;
 * and the month's incident list.
 */
@Component
class FallsReport {

    static final ZoneId LOCAL = ZoneId.of("Europe/London");

    /** One month's figures. */
    record Month(String month, int alerts, int falls, int injuries, int ambulances, String acknowledgeMedian, String acknowledgeP90,
                 String attendMedian, String attendP90, long occupiedBedDays, String rate) {
    }

    private final JdbcTemplate jdbc;
    private final OccupiedBedDays bedDays;

    FallsReport(JdbcTemplate jdbc, OccupiedBedDays bedDays) {
        this.jdbc = jdbc;
        this.bedDays = bedDays;
    }

    /** The last twelve months, newest first. */
    List<Month> months(String organisation, LocalDate today) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(YearMonth.from(today).minusMonths(i));
        }
        Map<YearMonth, Long> days = bedDays.byMonth(organisation, months, today);
        Map<String, Object[]> figures = new java.util.HashMap<>();
        jdbc.query("""
                SELECT to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM'), count(*),
                       count(*) FILTER (WHERE event_type IN ('fall-detected', 'person-on-floor') AND outcome IS DISTINCT FROM 'false-alarm'),
                       count(*) FILTER (WHERE outcome = 'injury'), count(*) FILTER (WHERE outcome = 'ambulance-called'),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - received_at)),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - received_at)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM attended_at - received_at)),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM attended_at - received_at))
                FROM alert WHERE organisation = ? AND kind = 'fall' AND occurred_at >= ? GROUP BY 1""", rs -> {
            figures.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), seconds(rs, 6), seconds(rs, 7),
                    seconds(rs, 8), seconds(rs, 9)});
        }, organisation, java.sql.Timestamp.from(months.getLast().atDay(1).atStartOfDay(LOCAL).toInstant()));
        List<Month> out = new ArrayList<>();
        for (YearMonth month : months) {
            Object[] f = figures.getOrDefault(month.toString(), new Object[] {0, 0, 0, 0, null, null, null, null});
            long occupied = days.getOrDefault(month, 0L);
            int falls = (Integer) f[1];
            out.add(new Month(month.toString(), (Integer) f[0], falls, (Integer) f[2], (Integer) f[3], shown(f[4]), shown(f[5]), shown(f[6]), shown(f[7]),
                    occupied, occupied == 0 ? "–" : String.format("%.2f", falls * 1000.0 / occupied)));
        }
        return out;
    }

    /** A month's falls lamp alerts, oldest first: the care home's incident list. */
    List<Alert> incidents(String organisation, YearMonth month) {
        return jdbc.query("SELECT * FROM alert WHERE organisation = ? AND kind = 'fall' AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at",
                AlertStore::row, organisation, java.sql.Timestamp.from(month.atDay(1).atStartOfDay(LOCAL).toInstant()),
                java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(LOCAL).toInstant()));
    }

    private static Double seconds(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static String shown(Object seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.round((Double) seconds);
        return s < 120 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
