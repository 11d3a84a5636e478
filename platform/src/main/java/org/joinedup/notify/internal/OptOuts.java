package org.joinedup.notify.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Patients who asked not to be sent messages: of one kind, or of every kind ({@code all}). Lifting one keeps who recorded and who lifted it. */
@Component
class OptOuts {

    static final String ALL = "all";

    private final JdbcTemplate jdbc;

    OptOuts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean optedOut(String patientId, String kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM message_opt_out WHERE patient_id = ? AND kind IN (?, 'all') AND lifted_at IS NULL)",
                Boolean.class, patientId, kind));
    }

    /** Records an opt-out; false if the patient had opted out of that already. */
    boolean record(String patientId, String kind, String by, String reason) {
        return jdbc.update("INSERT INTO message_opt_out (patient_id, kind, since, recorded_by, reason) VALUES (?, ?, now(), ?, ?) "
                + "ON CONFLICT (patient_id, kind) WHERE lifted_at IS NULL DO NOTHING", patientId, kind, by, reason) == 1;
    }

    boolean lift(String patientId, String kind, String by) {
        return jdbc.update("UPDATE message_opt_out SET lifted_at = now(), lifted_by = ? WHERE patient_id = ? AND kind = ? AND lifted_at IS NULL",
                by, patientId, kind) == 1;
    }

    /** Opt-outs in force, newest first. */
    List<OptOut> current(int limit) {
        return jdbc.query("SELECT patient_id, kind, since, recorded_by, reason FROM message_opt_out WHERE lifted_at IS NULL ORDER BY since DESC LIMIT ?",
                (rs, n) -> new OptOut(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)), limit);
    }

    /** An opt-out in force. */
    public record OptOut(String patientId, String kind, java.time.Instant since, String recordedBy, String reason) {
    }
}
