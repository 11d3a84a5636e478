package org.joinedup.fhir.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.ChangeFeed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The change feed read from the versions table ({@code resource_version}, indexed by time). */
@Component
class StoreChangeFeed implements ChangeFeed {

    private final JdbcTemplate jdbc;

    StoreChangeFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Change> after(Instant lastUpdated, long key, int version, String type, int limit) {
        return jdbc.query("SELECT last_updated, pk, version, res_type, res_id, content IS NULL AS deleted FROM resource_version"
                        + " WHERE last_updated >= ? AND (last_updated, pk, version) > (?, ?, ?)" + (type == null ? "" : " AND res_type = ?")
                        + " ORDER BY last_updated, pk, version LIMIT ?",
                (rs, i) -> new Change(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)),
                type == null ? new Object[] {Timestamp.from(lastUpdated), Timestamp.from(lastUpdated), key, version, limit}
                        : new Object[] {Timestamp.from(lastUpdated), Timestamp.from(lastUpdated), key, version, type, limit});
    }
}
