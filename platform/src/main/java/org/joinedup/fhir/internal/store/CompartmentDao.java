package org.joinedup.fhir.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.access.VisibleSql;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a patient's compartment: every current resource whose row names the patient, in key order. */
public final class CompartmentDao {

    private static final String COLUMNS = ResourceDao.CURRENT_COLUMNS;

    private final JdbcTemplate jdbc;

    public CompartmentDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the compartment, after {@code afterPk}, optionally limited to types and to changes since a time. */
    public List<StoredResource> page(String patientId, List<String> types, Instant since, long afterPk, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resource r"
                + " JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                + " WHERE r.patients @> ARRAY[?]::text[] AND NOT r.deleted AND r.pk > ?");
        List<Object> args = new ArrayList<>(List.of(patientId, afterPk));
        filters(types, since, sql, args);
        sql.append(" ORDER BY r.pk LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ResourceDao.VERSION_MAPPER, args.toArray());
    }

    public long count(String patientId, List<String> types, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM resource r WHERE r.patients @> ARRAY[?]::text[] AND NOT r.deleted");
        List<Object> args = new ArrayList<>(List.of(patientId));
        filters(types, since, sql, args);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** Resources outside the compartment that the given ones refer to (practitioners, organisations, medications...). */
    public List<StoredResource> referencedOutside(String patientId, List<Long> pks, List<String> types) {
        if (pks.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resource r"
                + " JOIN resource_version v ON v.pk = r.pk AND v.version = r.version"
                + " WHERE r.pk IN (SELECT t.pk FROM sp_reference x JOIN resource t ON t.res_type = x.ttype AND t.res_id = x.tid"
                + " WHERE x.pk = ANY (?)) AND NOT r.deleted AND NOT (coalesce(r.patients, '{}') @> ARRAY[?]::text[])");
        List<Object> args = new ArrayList<>(List.of(pks.toArray(Long[]::new), patientId));
        filters(types, null, sql, args);
        sql.append(" ORDER BY r.pk");
        return jdbc.query(sql.toString(), ResourceDao.VERSION_MAPPER, args.toArray());
    }

    private static void filters(List<String> types, Instant since, StringBuilder sql, List<Object> args) {
        VisibleSql visible = VisibleSql.on("r");
        if (visible.filters()) {
            sql.append(" AND ").append(visible.text());
            args.addAll(visible.args());
        }
        if (types != null && !types.isEmpty()) {
            sql.append(" AND r.res_type = ANY (?)");
            args.add(types.toArray(String[]::new));
        }
        if (since != null) {
            sql.append(" AND r.last_updated >= ?");
            args.add(Timestamp.from(since));
        }
    }
}
