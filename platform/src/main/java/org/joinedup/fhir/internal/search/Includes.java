package org.joinedup.fhir.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.store.StoredResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code _include} (what the matches refer to) and {@code _revinclude} (what refers to the matches), with
 * {@code :iterate} applied once more to what was included. At most {@link #LIMIT} resources are added.
 */
final class Includes {

    static final int LIMIT = 1000;
    private static final String BY_PK = "SELECT " + SearchQuery.RESULT_COLUMNS + ", r.patients FROM resource r"
            + " JOIN resource_version v ON v.pk = r.pk AND v.version = r.version WHERE r.pk = ANY (?) AND NOT r.deleted";

    private final JdbcTemplate jdbc;
    private final SearchParamRegistry registry;

    Includes(JdbcTemplate jdbc, SearchParamRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    List<StoredResource> find(String type, List<StoredResource> matches, List<Include> includes) {
        if (includes.isEmpty() || matches.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredResource> seen = new LinkedHashMap<>();
        matches.forEach(m -> seen.put(m.pk(), m));
        Map<Long, StoredResource> added = new LinkedHashMap<>();
        List<StoredResource> round = step(matches, includes, seen, false);
        round.forEach(r -> added.put(r.pk(), r));
        if (includes.stream().anyMatch(Include::iterate) && !round.isEmpty()) {
            step(round, includes.stream().filter(Include::iterate).toList(), seen, true).forEach(r -> added.put(r.pk(), r));
        }
        return List.copyOf(added.values());
    }

    private List<StoredResource> step(List<StoredResource> from, List<Include> includes, Map<Long, StoredResource> seen, boolean iterating) {
        Set<Long> pks = new HashSet<>();
        for (Include include : includes) {
            if (iterating && !include.iterate()) {
                continue;
            }
            if (include.reverse()) {
                pks.addAll(referring(from, include));
            } else {
                pks.addAll(referred(from, include));
            }
        }
        pks.removeAll(seen.keySet());
        if (pks.isEmpty()) {
            return List.of();
        }
        List<StoredResource> found = byPk(pks.stream().limit(LIMIT).toList());
        found.forEach(r -> seen.put(r.pk(), r));
        return found;
    }

    private List<Long> referred(List<StoredResource> from, Include include) {
        List<Long> sources = from.stream().filter(r -> matchesType(r.type(), include.sourceType())).map(StoredResource::pk).toList();
        List<Long> pks = new ArrayList<>();
        if (sources.isEmpty()) {
            return pks;
        }
        for (SearchParam param : params(include.sourceType(), include.paramCode(), from)) {
            Sql sql = new Sql().append("SELECT r.pk FROM sp_reference x JOIN resource r ON r.res_type = x.ttype AND r.res_id = x.tid")
                    .append(" WHERE x.pk = ANY (").arg(longs(sources)).append(") AND ").in("x.p", param.keyIds());
            CriterionSql.resolveTypes(param, sql);
            if (include.targetType() != null) {
                sql.append(" AND x.ttype = ").arg(include.targetType());
            }
            pks.addAll(jdbc.queryForList(sql.text(), Long.class, sql.args()));
        }
        return pks;
    }

    private List<Long> referring(List<StoredResource> to, Include include) {
        List<Long> pks = new ArrayList<>();
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        to.stream().filter(r -> include.targetType() == null || include.targetType().equals(r.type()))
                .forEach(r -> idsByType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r.id()));
        for (SearchParam param : params(include.sourceType(), include.paramCode(), List.of())) {
            for (Map.Entry<String, List<String>> entry : idsByType.entrySet()) {
                Sql sql = new Sql().append("SELECT x.pk FROM sp_reference x WHERE ").in("x.p", param.keyIds())
                        .append(" AND x.ttype = ").arg(entry.getKey())
                        .append(" AND x.tid = ANY (").arg(entry.getValue().toArray(String[]::new)).append(")");
                pks.addAll(jdbc.queryForList(sql.text(), Long.class, sql.args()));
            }
        }
        return pks;
    }

    private List<SearchParam> params(String sourceType, String code, List<StoredResource> from) {
        List<String> types = sourceType.equals("*") ? from.stream().map(StoredResource::type).distinct().toList() : List.of(sourceType);
        List<SearchParam> params = new ArrayList<>();
        for (String type : types) {
            for (SearchParam param : registry.forType(type)) {
                if (param.type() == ParamType.REFERENCE && !param.keys().isEmpty() && (code.equals("*") || code.equals(param.code()))) {
                    params.add(param);
                }
            }
        }
        return params;
    }

    /** The resources with these keys that the caller may see and may read. */
    private List<StoredResource> byPk(List<Long> pks) {
        Sql sql = new Sql().append(BY_PK).andVisible("r");
        List<Object> args = new ArrayList<>();
        args.add(longs(pks));
        args.addAll(java.util.Arrays.asList(sql.args()));
        org.joinedup.fhir.FhirAccess.Permissions permissions = org.joinedup.fhir.internal.access.Caller.access().permissions();
        return jdbc.query(sql.text(), (rs, i) -> mapResource(rs), args.toArray()).stream()
                .filter(r -> permissions.allows(r.type(), org.joinedup.fhir.FhirAction.READ)).toList();
    }

    private static boolean matchesType(String type, String sourceType) {
        return sourceType.equals("*") || sourceType.equals(type);
    }

    private static Long[] longs(List<Long> values) {
        return values.toArray(Long[]::new);
    }

    static StoredResource mapResource(ResultSet rs) throws SQLException {
        byte[] json = rs.getBytes("content");
        Timestamp updated = rs.getTimestamp("last_updated");
        org.joinedup.fhir.internal.access.Caller.disclosed(rs, rs.getLong("pk"), rs.getString("res_type"), rs.getString("res_id"));
        return new StoredResource(rs.getLong("pk"), rs.getString("res_type"), rs.getString("res_id"), rs.getInt("version"),
                updated.toInstant(), json == null, rs.getString("method"), json);
    }
}
