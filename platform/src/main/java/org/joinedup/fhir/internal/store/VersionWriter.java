package org.joinedup.fhir.internal.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.index.DateRange;
import org.joinedup.fhir.internal.index.IndexRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a batch of new versions in one database transaction: resource rows, version rows, and the index
 * rows of the new current versions (replacing the old ones). Bulk rows go through COPY, one round trip
 * per table per batch.
 */
final class VersionWriter {

    private static final List<String> INDEX_TABLES = List.of(
            "sp_string", "sp_token", "sp_date", "sp_number", "sp_quantity", "sp_reference", "sp_uri", "sp_composite");

    private VersionWriter() {
    }

    static void write(Connection connection, List<NewVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<NewVersion> updates = versions.stream().filter(v -> !v.firstVersion()).toList();
        insertResources(copy, versions.stream().filter(NewVersion::firstVersion).toList());
        updateResources(connection, updates);
        insertVersions(copy, versions);
        deleteIndexRows(connection, updates);
        insertIndexRows(copy, versions);
    }

    private static void insertResources(CopyManager copy, List<NewVersion> created) throws SQLException {
        CopyBuffer rows = new CopyBuffer();
        for (NewVersion v : created) {
            rows.value(v.pk()).value(v.type()).value(v.id()).value(v.version()).value(v.lastUpdated().toString())
                    .value(Boolean.toString(v.deletion())).value(patientArray(v));
            rows.endRow();
        }
        copy(copy, "resource (pk, res_type, res_id, version, last_updated, deleted, patients)", rows);
    }

    private static void updateResources(Connection connection, List<NewVersion> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE resource SET version = ?, last_updated = ?, deleted = ?, patients = ?::text[] WHERE pk = ?")) {
            for (NewVersion v : updates) {
                statement.setInt(1, v.version());
                statement.setTimestamp(2, Timestamp.from(v.lastUpdated()));
                statement.setBoolean(3, v.deletion());
                statement.setString(4, patientArray(v));
                statement.setLong(5, v.pk());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertVersions(CopyManager copy, List<NewVersion> versions) throws SQLException {
        CopyBuffer rows = new CopyBuffer();
        for (NewVersion v : versions) {
            rows.value(v.pk()).value(v.version()).value(v.type()).value(v.id()).value(v.lastUpdated().toString())
                    .value(v.method()).json(v.json()).value(v.changedBy()).value(v.changeReason());
            rows.endRow();
        }
        copy(copy, "resource_version (pk, version, res_type, res_id, last_updated, method, content, changed_by, change_reason)", rows);
    }

    private static void deleteIndexRows(Connection connection, List<NewVersion> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        Long[] pks = updates.stream().map(NewVersion::pk).toArray(Long[]::new);
        for (String table : INDEX_TABLES) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE pk = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("bigint", pks));
                statement.executeUpdate();
            }
        }
    }

    private static void insertIndexRows(CopyManager copy, List<NewVersion> versions) throws SQLException {
        CopyBuffer strings = new CopyBuffer();
        CopyBuffer tokens = new CopyBuffer();
        CopyBuffer dates = new CopyBuffer();
        CopyBuffer numbers = new CopyBuffer();
        CopyBuffer quantities = new CopyBuffer();
        CopyBuffer references = new CopyBuffer();
        CopyBuffer uris = new CopyBuffer();
        CopyBuffer composites = new CopyBuffer();
        for (NewVersion v : versions) {
            IndexRows rows = v.rows();
            if (rows == null) {
                continue;
            }
            long pk = v.pk();
            List<Long> comps = compartmentKeys(rows.patients);
            for (IndexRows.StringRow r : rows.strings) {
                strings.value(pk).value(r.param()).value(r.normalized()).value(r.exact());
                strings.endRow();
            }
            for (IndexRows.TokenRow r : rows.tokens) {
                for (Long comp : comps) {
                    tokens.value(pk).value(r.param()).value(comp).value(r.system()).value(r.code()).value(r.text());
                    tokens.endRow();
                }
            }
            for (IndexRows.DateRow r : rows.dates) {
                for (Long comp : comps) {
                    dates.value(pk).value(r.param()).value(comp).value(DateRange.toSql(r.low())).value(DateRange.toSql(r.high()));
                    dates.endRow();
                }
            }
            for (IndexRows.NumberRow r : rows.numbers) {
                numbers.value(pk).value(r.param()).value(r.value().toPlainString());
                numbers.endRow();
            }
            for (IndexRows.QuantityRow r : rows.quantities) {
                quantities.value(pk).value(r.param()).value(r.value().toPlainString()).value(r.system()).value(r.code()).value(r.unit());
                quantities.endRow();
            }
            for (IndexRows.ReferenceRow r : rows.references) {
                references.value(pk).value(r.param()).value(r.targetType()).value(r.targetId()).value(r.url());
                references.endRow();
            }
            for (IndexRows.UriRow r : rows.uris) {
                uris.value(pk).value(r.param()).value(r.uri());
                uris.endRow();
            }
            for (IndexRows.CompositeRow r : rows.composites) {
                composites.value(pk).value(r.param()).value(r.firstSystem()).value(r.firstCode()).value(r.secondSystem())
                        .value(r.secondCode()).value(r.secondNumber() == null ? null : r.secondNumber().toPlainString())
                        .value(r.secondLow() == null ? null : DateRange.toSql(r.secondLow()))
                        .value(r.secondHigh() == null ? null : DateRange.toSql(r.secondHigh()));
                composites.endRow();
            }
        }
        copy(copy, "sp_string (pk, p, v, exact)", strings);
        copy(copy, "sp_token (pk, p, comp, sys, code, txt)", tokens);
        copy(copy, "sp_date (pk, p, comp, lo, hi)", dates);
        copy(copy, "sp_number (pk, p, v)", numbers);
        copy(copy, "sp_quantity (pk, p, v, sys, code, unit)", quantities);
        copy(copy, "sp_reference (pk, p, ttype, tid, url)", references);
        copy(copy, "sp_uri (pk, p, v)", uris);
        copy(copy, "sp_composite (pk, p, a_sys, a_code, b_sys, b_code, b_num, b_lo, b_hi)", composites);
    }

    private static List<Long> compartmentKeys(Set<String> patients) {
        if (patients.isEmpty()) {
            return java.util.Collections.singletonList(null);
        }
        List<Long> keys = new ArrayList<>(patients.size());
        patients.forEach(id -> keys.add(PatientHash.of(id)));
        return keys;
    }

    private static String patientArray(NewVersion v) {
        if (v.rows() == null || v.rows().patients.isEmpty()) {
            return null;
        }
        StringBuilder array = new StringBuilder("{");
        for (String id : v.rows().patients) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(id.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    private static void copy(CopyManager copy, String target, CopyBuffer rows) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        try {
            copy.copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(rows.bytes()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }
}
