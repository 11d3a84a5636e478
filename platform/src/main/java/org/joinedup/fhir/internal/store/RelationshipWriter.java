package org.joinedup.fhir.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.index.IndexRows;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;

/**
 * Keeps {@code care_relationship} in step with the resources that establish relationships, in the write's
 * transaction. A party named through a location, service or practitioner role also stands for the
 * organisation (and practitioner) behind it, and an organisation also for its ODS code, so that a user is
 * matched by the code their identity provider gives.
 */
public final class RelationshipWriter {

    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private final Integer[] organizationIdentifierKeys;
    private final Integer[] behindKeys;

    private RelationshipWriter(List<Integer> organizationIdentifierKeys, List<Integer> behindKeys) {
        this.organizationIdentifierKeys = organizationIdentifierKeys.toArray(Integer[]::new);
        this.behindKeys = behindKeys.toArray(Integer[]::new);
    }

    public static RelationshipWriter of(SearchParamRegistry registry) {
        List<Integer> behind = new ArrayList<>();
        behind.addAll(keys(registry, "Location", "organization"));
        behind.addAll(keys(registry, "HealthcareService", "organization"));
        behind.addAll(keys(registry, "PractitionerRole", "organization"));
        behind.addAll(keys(registry, "PractitionerRole", "practitioner"));
        return new RelationshipWriter(keys(registry, "Organization", "identifier"), behind);
    }

    private static List<Integer> keys(SearchParamRegistry registry, String type, String code) {
        return registry.forType(type).stream().filter(p -> p.code().equals(code)).findFirst().map(SearchParam::keyIds).orElse(List.of());
    }

    void write(Connection connection, List<NewVersion> versions) throws SQLException {
        Long[] changed = versions.stream().filter(v -> !v.firstVersion()).map(NewVersion::pk).toArray(Long[]::new);
        if (changed.length > 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM care_relationship WHERE pk = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", changed));
                delete.executeUpdate();
            }
        }
        List<Long> written = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO care_relationship (pk, patient, party, kind) VALUES (?, ?, ?, ?)")) {
            for (NewVersion v : versions) {
                if (v.rows() == null || v.rows().relationships.isEmpty() || v.rows().patients.isEmpty()) {
                    continue;
                }
                Set<IndexRows.RelationshipRow> distinct = new LinkedHashSet<>(v.rows().relationships);
                for (String patient : v.rows().patients) {
                    for (IndexRows.RelationshipRow row : distinct) {
                        insert.setLong(1, v.pk());
                        insert.setString(2, patient);
                        insert.setString(3, row.party());
                        insert.setString(4, row.kind());
                        insert.addBatch();
                    }
                }
                written.add(v.pk());
            }
            if (!written.isEmpty()) {
                insert.executeBatch();
            }
        }
        if (!written.isEmpty()) {
            expand(connection, written.toArray(Long[]::new));
        }
    }

    private void expand(Connection connection, Long[] pks) throws SQLException {
        try (PreparedStatement behind = connection.prepareStatement("INSERT INTO care_relationship (pk, patient, party, kind)"
                + " SELECT DISTINCT c.pk, c.patient, x.ttype || '/' || x.tid, c.kind FROM care_relationship c"
                + " JOIN resource s ON s.res_type = split_part(c.party, '/', 1) AND s.res_id = split_part(c.party, '/', 2)"
                + " JOIN sp_reference x ON x.pk = s.pk AND x.p = ANY (?) AND x.tid IS NOT NULL"
                + " WHERE c.pk = ANY (?) AND split_part(c.party, '/', 1) IN ('Location', 'HealthcareService', 'PractitionerRole')")) {
            behind.setArray(1, connection.createArrayOf("integer", behindKeys));
            behind.setArray(2, connection.createArrayOf("bigint", pks));
            behind.executeUpdate();
        }
        try (PreparedStatement ods = connection.prepareStatement("INSERT INTO care_relationship (pk, patient, party, kind)"
                + " SELECT DISTINCT c.pk, c.patient, 'ods:' || t.code, c.kind FROM care_relationship c"
                + " JOIN resource o ON o.res_type = 'Organization' AND o.res_id = substr(c.party, 14)"
                + " JOIN sp_token t ON t.pk = o.pk AND t.p = ANY (?) AND t.sys = ?"
                + " WHERE c.pk = ANY (?) AND c.party LIKE 'Organization/%'")) {
            ods.setArray(1, connection.createArrayOf("integer", organizationIdentifierKeys));
            ods.setString(2, ODS_SYSTEM);
            ods.setArray(3, connection.createArrayOf("bigint", pks));
            ods.executeUpdate();
        }
    }
}
