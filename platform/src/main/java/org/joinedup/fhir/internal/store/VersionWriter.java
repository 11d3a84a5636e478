package org.joinedup.fhir.internal.store;

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
import org.joinedup.fhir.internal.index.TextVectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a batch of new versions in one database transaction: resource rows, version rows, and the index
 * rows of the new current versions (replacing the old ones). Bulk rows go through COPY, one round trip
 * per table per batch.
 */
final class VersionWriter {

    private static final List<String> INDEX_TABLES = List.of(
            "sp_string", "sp_token", "sp_date", "sp_number", "sp_quantity", "sp_reference", "sp_uri", "sp_composite", "sp_text");

    private VersionWriter() {
    }

    static void write(Connection connection, List<NewVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        List<NewVersion> updates = versions.stream().filter(v -> !v.firstVersion()).toList();
        insertResources(pg, versions.stream().filter(NewVersion::firstVersion).toList());
        updateResources(connection, updates);
        insertVersions(pg, versions);
        deleteIndexRows(connection, updates);
        insertIndexRows(pg, versions);
    }

    private static void insertResources(PGConnection connection, List<NewVersion> created) throws SQLException {
        copy(connection, "resource (pk, res_type, res_id, version, last_updated, deleted, patients, labels)", !created.isEmpty(), rows -> {
            for (NewVersion v : created) {
                rows.value(v.pk()).value(v.type()).value(v.id()).value(v.version()).value(v.lastUpdated().toString())
                        .value(Boolean.toString(v.deletion())).value(patientArray(v)).value(labelArray(v));
                rows.endRow();
            }
        });
    }

    private static void updateResources(Connection connection, List<NewVersion> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE resource SET version = ?, last_updated = ?, deleted = ?,"
                        // a deletion keeps the compartments and labels, so the deleted resource stays as visible as it was
                        + " patients = CASE WHEN ? THEN patients ELSE ?::text[] END, labels = CASE WHEN ? THEN labels ELSE ?::text[] END"
                        + " WHERE pk = ?")) {
            for (NewVersion v : updates) {
                statement.setInt(1, v.version());
                statement.setTimestamp(2, Timestamp.from(v.lastUpdated()));
                statement.setBoolean(3, v.deletion());
                statement.setBoolean(4, v.deletion());
                statement.setString(5, patientArray(v));
                statement.setBoolean(6, v.deletion());
                statement.setString(7, labelArray(v));
                statement.setLong(8, v.pk());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertVersions(PGConnection connection, List<NewVersion> versions) throws SQLException {
        copy(connection, "resource_version (pk, version, res_type, res_id, last_updated, method, content, changed_by, change_reason)",
                true, rows -> {
                    for (NewVersion v : versions) {
                        rows.value(v.pk()).value(v.version()).value(v.type()).value(v.id()).value(v.lastUpdated().toString())
                                .value(v.method()).json(v.json()).value(v.changedBy()).value(v.changeReason());
                        rows.endRow();
                    }
                });
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

    private static void insertIndexRows(PGConnection connection, List<NewVersion> versions) throws SQLException {
        List<NewVersion> indexed = versions.stream().filter(v -> v.rows() != null).toList();
        table(connection, indexed, "sp_string (pk, p, v, exact)", r -> r.strings, (rows, pk, comps, row) ->
                rows.value(pk).value(row.param()).value(row.normalized()).value(row.exact()).endRow());
        table(connection, indexed, "sp_token (pk, p, comp, sys, code, txt)", r -> r.tokens, (rows, pk, comps, row) -> {
            for (Long comp : comps) {
                rows.value(pk).value(row.param()).value(comp).value(row.system()).value(row.code()).value(row.text()).endRow();
            }
        });
        table(connection, indexed, "sp_date (pk, p, comp, lo, hi)", r -> r.dates, (rows, pk, comps, row) -> {
            for (Long comp : comps) {
                rows.value(pk).value(row.param()).value(comp).value(DateRange.toSql(row.low())).value(DateRange.toSql(row.high())).endRow();
            }
        });
        table(connection, indexed, "sp_number (pk, p, v)", r -> r.numbers, (rows, pk, comps, row) ->
                rows.value(pk).value(row.param()).value(row.value().toPlainString()).endRow());
        table(connection, indexed, "sp_quantity (pk, p, v, sys, code, unit)", r -> r.quantities, (rows, pk, comps, row) ->
                rows.value(pk).value(row.param()).value(row.value().toPlainString()).value(row.system()).value(row.code())
                        .value(row.unit()).endRow());
        table(connection, indexed, "sp_reference (pk, p, ttype, tid, url)", r -> r.references, (rows, pk, comps, row) ->
                rows.value(pk).value(row.param()).value(row.targetType()).value(row.targetId()).value(row.url()).endRow());
        table(connection, indexed, "sp_uri (pk, p, v)", r -> r.uris, (rows, pk, comps, row) ->
                rows.value(pk).value(row.param()).value(row.uri()).endRow());
        table(connection, indexed, "sp_composite (pk, p, a_sys, a_code, b_sys, b_code, b_num, b_lo, b_hi)", r -> r.composites,
                (rows, pk, comps, row) -> rows.value(pk).value(row.param()).value(row.firstSystem()).value(row.firstCode())
                        .value(row.secondSystem()).value(row.secondCode())
                        .value(row.secondNumber() == null ? null : row.secondNumber().toPlainString())
                        .value(row.secondLow() == null ? null : DateRange.toSql(row.secondLow()))
                        .value(row.secondHigh() == null ? null : DateRange.toSql(row.secondHigh())).endRow());
        table(connection, indexed, "sp_text (pk, comp, narrative, doc)", VersionWriter::texts, (rows, pk, comps, row) -> {
            for (Long comp : comps) {
                rows.value(pk).value(comp).value(Boolean.toString(row.narrative())).value(row.vector()).endRow();
            }
        });
    }

    /** One row of words for {@code _content}, and one for {@code _text} when the resource has a narrative. */
    private record TextRow(boolean narrative, String vector) {
    }

    private static List<TextRow> texts(IndexRows rows) {
        List<TextRow> texts = new ArrayList<>(2);
        if (!rows.contentWords.isEmpty()) {
            texts.add(new TextRow(false, TextVectors.of(rows.contentWords)));
        }
        if (!rows.narrativeWords.isEmpty()) {
            texts.add(new TextRow(true, TextVectors.of(rows.narrativeWords)));
        }
        return texts;
    }

    /** Writes one index table's rows for every version, one COPY for the whole batch. */
    private static <R> void table(PGConnection connection, List<NewVersion> versions, String target,
                                  Function<IndexRows, List<R>> rowsOf, RowWriter<R> writer) throws SQLException {
        boolean any = versions.stream().anyMatch(v -> !rowsOf.apply(v.rows()).isEmpty());
        copy(connection, target, any, out -> {
            for (NewVersion v : versions) {
                List<R> rows = rowsOf.apply(v.rows());
                if (rows.isEmpty()) {
                    continue;
                }
                List<Long> comps = compartmentKeys(v.rows().patients);
                for (R row : rows) {
                    writer.write(out, v.pk(), comps, row);
                }
            }
        });
    }

    /** Writes one index row (or one per compartment). */
    @FunctionalInterface
    private interface RowWriter<R> {
        void write(CopyBuffer out, long pk, List<Long> comps, R row);
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
        return v.rows() == null ? null : textArray(v.rows().patients);
    }

    private static String labelArray(NewVersion v) {
        return v.rows() == null ? null : textArray(v.rows().labels);
    }

    private static String textArray(Set<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder array = new StringBuilder("{");
        for (String id : values) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(id.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    private static void copy(PGConnection connection, String target, boolean any, Consumer<CopyBuffer> rows) throws SQLException {
        if (!any) {
            return;
        }
        try (PGCopyOutputStream out = new PGCopyOutputStream(connection, "COPY " + target + " FROM STDIN", 64 * 1024)) {
            rows.accept(new CopyBuffer(out));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }
}
