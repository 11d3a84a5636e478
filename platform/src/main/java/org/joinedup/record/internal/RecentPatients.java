package org.joinedup.record.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The patients a member of staff opened most recently ({@code recent_patient}), newest first. */
@Component
class RecentPatients {

    private final JdbcTemplate jdbc;

    RecentPatients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void opened(String username, String patient) {
        jdbc.update("INSERT INTO recent_patient (username, patient) VALUES (?, ?) ON CONFLICT (username, patient) DO UPDATE SET opened_at = now()",
                username, patient);
    }

    List<String> of(String username, int limit) {
        return jdbc.queryForList("SELECT patient FROM recent_patient WHERE username = ? ORDER BY opened_at DESC LIMIT ?", String.class, username, limit);
    }
}
