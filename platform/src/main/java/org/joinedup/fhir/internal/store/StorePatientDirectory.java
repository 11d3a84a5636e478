package org.joinedup.fhir.internal.store;

import org.joinedup.fhir.PatientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers {@link PatientDirectory} from the resource table. */
@Component
class StorePatientDirectory implements PatientDirectory {

    private final JdbcTemplate jdbc;
    private final Integer[] identifierKeys;

    StorePatientDirectory(JdbcTemplate jdbc, org.joinedup.fhir.internal.FhirCore core) {
        this.jdbc = jdbc;
        this.identifierKeys = core.registry().forType("Patient").stream().filter(p -> p.code().equals("identifier")).findFirst()
                .orElseThrow().keyIds().toArray(Integer[]::new);
    }

    @Override
    public java.util.Optional<String> findByNhsNumber(String nhsNumber) {
        java.util.List<String> ids = jdbc.queryForList("SELECT DISTINCT r.res_id FROM sp_token t JOIN resource r ON r.pk = t.pk"
                + " WHERE t.p = ANY (?) AND t.sys = 'https://fhir.nhs.uk/Id/nhs-number' AND t.code = ? AND r.res_type = 'Patient'"
                + " AND NOT r.deleted LIMIT 2", String.class, identifierKeys, nhsNumber);
        return ids.size() == 1 ? java.util.Optional.of(ids.getFirst()) : java.util.Optional.empty();
    }

    @Override
    public boolean exists(String patientId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT NOT deleted FROM resource WHERE res_type = 'Patient' AND res_id = ?",
                rs -> rs.next() && rs.getBoolean(1), patientId));
    }
}
