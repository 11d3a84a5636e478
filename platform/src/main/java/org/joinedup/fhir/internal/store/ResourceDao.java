package org.joinedup.fhir.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads resource rows and versions; every query is by key or by an indexed range. */
public final class ResourceDao {

    /** The current state of a resource as an update sees it, locked until the transaction ends. */
    public record Current(long pk, int version, boolean deleted, byte[] json) {
    }

    static final String VERSION_COLUMNS = "v.pk, v.res_type, v.res_id, v.version, v.last_updated, v.method, v.content";

    static final RowMapper<StoredResource> VERSION_MAPPER = ResourceDao::mapVersion;

    private final JdbcTemplate jdbc;

    public ResourceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version, deleted or not. */
    public Optional<StoredResource> current(String type, String id) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM resource r JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                + " WHERE r.res_type = ? AND r.res_id = ?", VERSION_MAPPER, type, id).stream().findFirst();
    }

    public Optional<StoredResource> version(String type, String id, int version) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM resource r JOIN resource_version v ON v.pk = r.pk"
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

    /** Fresh primary keys for new resources. */
    public long[] allocatePks(int count) {
        List<Long> keys = jdbc.queryForList("SELECT nextval('resource_pk_seq') FROM generate_series(1, ?)", Long.class, count);
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    static StoredResource mapVersion(ResultSet rs, int row) throws SQLException {
        byte[] json = rs.getBytes(7);
        Timestamp updated = rs.getTimestamp(5);
        Instant lastUpdated = updated.toInstant();
        return new StoredResource(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), lastUpdated,
                json == null, rs.getString(6), json);
    }
}
