package org.joinedup.fhir.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.VisibleSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads resource rows and versions; every query is by key or by an indexed range. */
public final class ResourceDao {

    /** The current state of a resource as an update sees it, locked until the transaction ends. */
    public record Current(long pk, int version, boolean deleted, byte[] json) {
    }

    static final String VERSION_COLUMNS = "v.pk, v.res_type, v.res_id, v.version, v.last_updated, v.method, v.content";

    /** The version columns and, for the audit, the compartments of the resource row they are read with. */
    static final String CURRENT_COLUMNS = VERSION_COLUMNS + ", r.patients";

    static final RowMapper<StoredResource> VERSION_MAPPER = ResourceDao::mapVersion;

    private final JdbcTemplate jdbc;

    public ResourceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version, deleted or not. */
    public Optional<StoredResource> current(String type, String id) {
        return jdbc.query("SELECT " + CURRENT_COLUMNS + " FROM resource r JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                + " WHERE r.res_type = ? AND r.res_id = ?", VERSION_MAPPER, type, id).stream().findFirst();
    }

    public Optional<StoredResource> version(String type, String id, int version) {
        return jdbc.query("SELECT " + CURRENT_COLUMNS + " FROM resource r JOIN resource_version v ON v.pk = r.pk"
                + " WHERE r.res_type = ? AND r.res_id = ? AND v.version = ?", VERSION_MAPPER, type, id, version).stream().findFirst();
    }

    /** Locks the resource row (if any) for the rest of the transaction and returns its current state. */
    public Optional<Current> lock(String type, String id) {
        return jdbc.query("SELECT r.pk, r.version, r.deleted, v.content FROM resource r"
                        + " JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                        + " WHERE r.res_type = ? AND r.res_id = ? FOR UPDATE OF r",
                (rs, i) -> new Current(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getBytes(4)), type, id)
                .stream().findFirst();
    }

    /**
     * The patients of a stored resource the caller may not see, or null when the caller may see it.
     * Callers who see everything are not asked.
     */
    public List<String> hiddenFrom(long pk) {
        VisibleSql visible = VisibleSql.on("r");
        if (!visible.filters()) {
            return null;
        }
        List<Object> args = new java.util.ArrayList<>(visible.args());
        args.add(pk);
        return jdbc.query("SELECT r.patients, " + visible.text() + " FROM resource r WHERE r.pk = ?", rs -> {
            if (!rs.next() || rs.getBoolean(2)) {
                return null;
            }
            java.sql.Array patients = rs.getArray(1);
            return patients == null ? List.of() : List.of((String[]) patients.getArray());
        }, args.toArray());
    }

    /** Whether the caller could see a resource in these patients' compartments with these labels. */
    public boolean wouldBeVisible(java.util.Set<String> patients, java.util.Set<String> labels) {
        VisibleSql visible = VisibleSql.on("r");
        if (!visible.filters()) {
            return true;
        }
        // the condition's placeholders come first in the statement, then the derived row's
        List<Object> args = new java.util.ArrayList<>(visible.args());
        args.add(patients.toArray(String[]::new));
        args.add(labels.toArray(String[]::new));
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT " + visible.text()
                + " FROM (SELECT nullif(?::text[], '{}') AS patients, nullif(?::text[], '{}') AS labels) r", Boolean.class, args.toArray()));
    }

    /** Fresh primary keys for new resources. */
    public long[] allocatePks(int count) {
        List<Long> keys = jdbc.queryForList("SELECT nextval('resource_pk_seq') FROM generate_series(1, ?)", Long.class, count);
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    static StoredResource mapVersion(ResultSet rs, int row) throws SQLException {
        byte[] json = rs.getBytes(7);
        Timestamp updated = rs.getTimestamp(5);
        Instant lastUpdated = updated.toInstant();
        Caller.disclosed(rs, rs.getLong(1), rs.getString(2), rs.getString(3));
        return new StoredResource(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), lastUpdated,
                json == null, rs.getString(6), json);
    }
}
