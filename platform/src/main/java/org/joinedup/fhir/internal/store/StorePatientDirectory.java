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
    private final String proxySql;

    StorePatientDirectory(JdbcTemplate jdbc, org.joinedup.fhir.internal.FhirCore core) {
        this.jdbc = jdbc;
        this.identifierKeys = keys(core, "Patient", "identifier");
        this.organizationIdentifierKeys = keys(core, "Organization", "identifier");
        this.proxySql = "SELECT DISTINCT rpp.tid FROM sp_token idt"
                + " JOIN resource rp ON rp.pk = idt.pk AND rp.res_type = 'RelatedPerson' AND NOT rp.deleted"
                + " JOIN sp_reference rpp ON rpp.pk = rp.pk AND rpp.p IN " + list(keys(core, "RelatedPerson", "patient")) + " AND rpp.ttype = 'Patient'"
                + " JOIN sp_reference ca ON ca.p IN " + list(keys(core, "Consent", "actor")) + " AND ca.ttype = 'RelatedPerson' AND ca.tid = rp.res_id"
                + " JOIN resource c ON c.pk = ca.pk AND c.res_type = 'Consent' AND NOT c.deleted"
                + " JOIN sp_token cs ON cs.pk = c.pk AND cs.p IN " + list(keys(core, "Consent", "status")) + " AND cs.code = 'active'"
                + " JOIN sp_reference cp ON cp.pk = c.pk AND cp.p IN " + list(keys(core, "Consent", "patient")) + " AND cp.tid = rpp.tid"
                + " JOIN resource_version cv ON cv.pk = c.pk AND cv.version = c.version"
                + " WHERE idt.p IN " + list(keys(core, "RelatedPerson", "identifier"))
                + " AND idt.sys = 'https://fhir.nhs.uk/Id/nhs-number' AND idt.code = ?"
                + " AND cv.content::jsonb #>> '{provision,type}' = 'permit'";
    }

    private static Integer[] keys(org.joinedup.fhir.internal.FhirCore core, String type, String code) {
        return core.registry().forType(type).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow()
                .keyIds().toArray(Integer[]::new);
    }

    /** Index keys are integers derived from names: safe to write into the SQL text. */
    private static String list(Integer[] keys) {
        return "(" + String.join(", ", java.util.Arrays.stream(keys).map(String::valueOf).toList()) + ")";
    }

    @Override
    public java.util.Set<String> proxiedBy(String nhsNumber) {
        return new java.util.HashSet<>(jdbc.queryForList(proxySql, String.class, nhsNumber));
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
    public java.util.Optional<String> displayName(String patientId) {
        return jdbc.query("SELECT coalesce(n ->> 'text', concat_ws(' ', (SELECT string_agg(g, ' ') FROM jsonb_array_elements_text(n -> 'given') g),"
                        + " n ->> 'family')) FROM resource r JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                        + " CROSS JOIN LATERAL (SELECT v.content::jsonb #> '{name,0}' AS n) name"
                        + " WHERE r.res_type = 'Patient' AND r.res_id = ? AND NOT r.deleted",
                (rs, i) -> rs.getString(1), patientId).stream().filter(name -> name != null && !name.isBlank()).findFirst();
    }

    @Override
    public boolean exists(String patientId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT NOT deleted FROM resource WHERE res_type = 'Patient' AND res_id = ?",
                rs -> rs.next() && rs.getBoolean(1), patientId));
    }
}
