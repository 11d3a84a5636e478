package org.joinedup.access.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The break-glass grants in force: for a member of staff, the patients whose records they opened in an emergency. */
@Component
class BreakGlassGrants {

    /** The patients a user holds unexpired grants for. */
    record Active(Set<String> patients) {
        static final Active NONE = new Active(Set.of());
    }

    private final JdbcTemplate jdbc;

    BreakGlassGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Active active(String subject) {
        Set<String> patients = new HashSet<>(jdbc.queryForList(
                "SELECT patient_id FROM break_glass WHERE subject = ? AND expires_at > now()", String.class, subject));
        return patients.isEmpty() ? Active.NONE : new Active(Set.copyOf(patients));
    }
}
