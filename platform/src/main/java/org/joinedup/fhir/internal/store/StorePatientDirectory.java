package org.joinedup.fhir.internal.store;

import org.joinedup.fhir.PatientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers {@link PatientDirectory} and {@link org.joinedup.fhir.OrganisationDirectory} from the store's tables. */
@Component
class StorePatientDirectory implements PatientDirectory, org.joinedup.fhir.OrganisationDirectory {

    private final JdbcTemplate jdbc;
    private final Integer[] identifierKeys;
    private final Integer[] organizationIdentifierKeys;

    StorePatientDirectory(JdbcTemplate jdbc, org.joinedup.fhir.internal.FhirCore core) {
        this.jdbc = jdbc;
        this.identifierKeys = core.registry().forType("Patient").stream().filter(p -> p.code().equals("identifier")).findFirst()
                .orElseThrow().keyIds().toArray(Integer[]::new);
        this.organizationIdentifierKeys = core.registry().forType("Organization").stream().filter(p -> p.code().equals("identifier"))
                .findFirst().orElseThrow().keyIds().toArray(Integer[]::new);
    }

    @Override
    public java.util.Optional<String> nameByOdsCode(String odsCode) {
        return jdbc.query("SELECT v.content::jsonb ->> 'name' FROM sp_token t JOIN resource r ON r.pk = t.pk"
                        + " JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                        + " WHERE t.p = ANY (?) AND t.sys = 'https://fhir.nhs.uk/Id/ods-organization-code' AND t.code = ?"
                        + " AND r.res_type = 'Organization' AND NOT r.deleted LIMIT 1",
                (rs, i) -> rs.getString(1), organizationIdentifierKeys, odsCode).stream().filter(java.util.Objects::nonNull).findFirst();
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
