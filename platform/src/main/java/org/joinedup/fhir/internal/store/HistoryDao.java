package org.joinedup.fhir.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.access.VisibleSql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Version history, newest first, for one resource, a type or the whole store, filtered by {@code _since}
 * and {@code _at} and keyset-paged by (time, key, version).
 */
public final class HistoryDao {

    /** Which versions to list. {@code type} and {@code id} narrow the scope; the rest filter and page. */
    public record Query(String type, String id, Instant since, Instant atLow, Instant atHigh, Instant afterTime,
                        long afterPk, int afterVersion, int limit) {
    }

    private final JdbcTemplate jdbc;

    public HistoryDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredResource> versions(Query q, List<String> readableTypes) {
        VisibleSql visible = VisibleSql.on("r");
        StringBuilder sql = new StringBuilder("SELECT " + ResourceDao.VERSION_COLUMNS + " FROM resource_version v");
        List<Object> args = new ArrayList<>();
        if (visible.filters()) {
            // a version is shown when its resource, as it now stands, is visible
            sql.append(" JOIN resource r ON r.pk = v.pk AND ").append(visible.text());
            args.addAll(visible.args());
        }
        sql.append(" WHERE TRUE");
        if (readableTypes != null) {
            sql.append(" AND v.res_type = ANY (?)");
            args.add(readableTypes.toArray(String[]::new));
        }
        if (q.id() != null) {
            sql.append(" AND v.pk = (SELECT pk FROM resource WHERE res_type = ? AND res_id = ?)");
            args.add(q.type());
            args.add(q.id());
        } else if (q.type() != null) {
            sql.append(" AND v.res_type = ?");
            args.add(q.type());
        }
        if (q.since() != null) {
            sql.append(" AND v.last_updated >= ?");
            args.add(Timestamp.from(q.since()));
        }
        if (q.atHigh() != null) {
            sql.append(" AND v.last_updated < ? AND NOT EXISTS (SELECT 1 FROM resource_version n WHERE n.pk = v.pk"
                    + " AND n.version > v.version AND n.last_updated <= ?)");
            args.add(Timestamp.from(q.atHigh()));
            args.add(Timestamp.from(q.atLow()));
        }
        if (q.afterTime() != null) {
            sql.append(" AND (v.last_updated, v.pk, v.version) < (?, ?, ?)");
            args.add(Timestamp.from(q.afterTime()));
            args.add(q.afterPk());
            args.add(q.afterVersion());
        }
        sql.append(" ORDER BY v.last_updated DESC, v.pk DESC, v.version DESC LIMIT ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), ResourceDao.VERSION_MAPPER, args.toArray());
    }

    /** The resource's key, or null if it never existed. */
    public Long keyOf(String type, String id) {
        return jdbc.query("SELECT pk FROM resource WHERE res_type = ? AND res_id = ?", rs -> rs.next() ? rs.getLong(1) : null, type, id);
    }
}
