package org.joinedup.alerts.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.joinedup.alerts.AlertSeverity;
import org.joinedup.alerts.OpenAlerts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The alerts module's answers to other modules. */
@Component
class AlertQueries implements OpenAlerts {

    private final JdbcTemplate jdbc;

    AlertQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenAlert> forPatients(String organisation, Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT * FROM alert WHERE status <> 'closed' AND organisation = ? AND patient_id = ANY (?::text[])
                ORDER BY CASE severity WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, raised_at""",
                (rs, n) -> {
                    Alert a = AlertStore.row(rs, n);
                    return new OpenAlert(a.id().toString(), a.patientId(), a.kind(), AlertSeverity.valueOf(a.severity().toUpperCase(Locale.ROOT)), a.title(),
                            a.status());
                }, organisation, AlertStore.text(List.copyOf(patientIds)));
    }
}
