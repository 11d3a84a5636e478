package org.joinedup.fhir.internal.store;

import org.joinedup.fhir.PatientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers {@link PatientDirectory} from the resource table. */
@Component
class StorePatientDirectory implements PatientDirectory {

    private final JdbcTemplate jdbc;

    StorePatientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String patientId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT NOT deleted FROM resource WHERE res_type = 'Patient' AND res_id = ?",
                rs -> rs.next() && rs.getBoolean(1), patientId));
    }
}
