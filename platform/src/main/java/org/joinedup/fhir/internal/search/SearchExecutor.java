package org.joinedup.fhir.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.store.PatientHash;
import org.joinedup.fhir.internal.store.StoredResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs a {@link SearchSpec}: one page of matches, their includes, and the total when asked. */
public final class SearchExecutor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchExecutor.class);

    private final JdbcTemplate jdbc;
    private final SearchParamRegistry registry;
    private final CriterionSql criteria;
    private final Includes includes;

    public SearchExecutor(JdbcTemplate jdbc, SearchParamRegistry registry, String baseUrl) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.criteria = new CriterionSql(baseUrl);
        this.includes = new Includes(jdbc, registry);
    }

    public SearchResult execute(SearchSpec spec) {
        Set<Long> comps = compartmentKeys(spec);
        Long total = spec.total() || spec.countOnly() ? count(spec, comps) : null;
        if (spec.countOnly() || spec.count() == 0) {
            return new SearchResult(List.of(), List.of(), total, null, null);
        }
        List<Row> rows = page(spec, comps, spec.count() + 1);
        boolean backward = spec.cursor() != null && spec.cursor().backward();
        boolean more = rows.size() > spec.count();
        if (more) {
            rows = rows.subList(0, spec.count());
        }
        if (backward) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        List<StoredResource> matches = rows.stream().map(Row::resource).toList();
        PageCursor next = null;
        PageCursor previous = null;
        if (!rows.isEmpty()) {
            Row last = rows.getLast();
            Row first = rows.getFirst();
            if (backward || more) {
                next = new PageCursor(last.keys(), last.resource().pk(), false);
            }
            if (backward ? more : spec.cursor() != null) {
                previous = new PageCursor(first.keys(), first.resource().pk(), true);
            }
        }
        if (total == null && spec.cursor() == null && !more) {
            total = (long) matches.size();
        }
        List<StoredResource> included = includes.find(spec.type(), matches, spec.includes());
        return new SearchResult(matches, included, total, next, previous);
    }

    private List<Row> page(SearchSpec spec, Set<Long> comps, int limit) {
        if (!NewestFirstQuery.applies(spec, comps)) {
            return query(SearchQuery.page(spec, criteria, comps, limit), spec);
        }
        boolean backward = spec.cursor() != null && spec.cursor().backward();
        List<Row> rows = new ArrayList<>();
        PageCursor after = spec.cursor();
        int candidates = limit + limit / 4 + 4;
        while (rows.size() < limit) {
            Sql sql = NewestFirstQuery.page(spec, criteria, comps, after, candidates, limit - rows.size());
            Candidates round = new Candidates();
            jdbc.query(sql.text(), (rs, i) -> round.read(rs, spec.sort().size()), sql.args()).stream()
                    .filter(java.util.Objects::nonNull).forEach(rows::add);
            if (round.read < candidates || round.lastHi == null) {
                break;
            }
            after = new PageCursor(Collections.singletonList(round.lastHi), round.lastPk, backward);
            candidates *= 2;
        }
        if (!backward && rows.size() < limit && !NewestFirstQuery.datedOnly(spec)) {
            // the dated matches are exhausted: continue with those that have no date, which sort last
            PageCursor undated = new PageCursor(Collections.singletonList(null), 0, false);
            SearchSpec tail = new SearchSpec(spec.type(), spec.criteria(), spec.sort(), spec.count(), spec.includes(),
                    false, false, undated);
            rows.addAll(query(SearchQuery.page(tail, criteria, comps, limit - rows.size()), spec));
        }
        return rows;
    }

    /** How many candidate date rows one round of {@link NewestFirstQuery} read, and where the last one was. */
    private static final class Candidates {
        long read;
        String lastHi;
        long lastPk;

        /** The round's figures, and its match (null for the one row of a round that matched nothing). */
        Row read(ResultSet rs, int sortKeys) throws SQLException {
            read = rs.getLong("candidates");
            lastHi = rs.getString("last_hi");
            lastPk = rs.getLong("last_pk");
            return rs.getObject("pk") == null ? null : row(rs, sortKeys);
        }
    }

    private List<Row> query(Sql sql, SearchSpec spec) {
        if (log.isDebugEnabled()) {
            log.debug("Search {}: {}", spec.type(), sql);
        }
        return jdbc.query(sql.text(), (rs, i) -> row(rs, spec.sort().size()), sql.args());
    }

    /** The ids of up to {@code limit} matches, without reading their JSON. */
    public List<String> ids(SearchSpec spec, int limit) {
        Sql sql = SearchQuery.ids(spec, criteria, compartmentKeys(spec), limit);
        return jdbc.queryForList(sql.text(), String.class, sql.args());
    }

    private long count(SearchSpec spec, Set<Long> comps) {
        Sql sql = SearchQuery.count(spec, criteria, comps);
        Long count = jdbc.queryForObject(sql.text(), Long.class, sql.args());
        return count == null ? 0 : count;
    }

    /**
     * When a criterion pins the results to named patients through a reference that places resources in
     * their compartments, the keys of those compartments: index lookups can then stay inside them.
     */
    Set<Long> compartmentKeys(SearchSpec spec) {
        for (Criterion criterion : spec.criteria()) {
            if (!(criterion instanceof Criterion.Values values) || values.param().type() != ParamType.REFERENCE
                    || !registry.impliesPatientCompartment(values.param())) {
                continue;
            }
            Set<Long> keys = new LinkedHashSet<>();
            for (String value : values.values()) {
                String patient = ReferenceSql.patientId(values.param(), values.modifier(), Escaping.unescape(value));
                if (patient == null) {
                    keys = null;
                    break;
                }
                keys.add(PatientHash.of(patient));
            }
            if (keys != null && !keys.isEmpty()) {
                return keys;
            }
        }
        return Set.of();
    }

    private record Row(StoredResource resource, List<String> keys) {
    }

    private static Row row(ResultSet rs, int sortKeys) throws SQLException {
        StoredResource resource = Includes.mapResource(rs);
        List<String> keys = new ArrayList<>(sortKeys);
        for (int i = 0; i < sortKeys; i++) {
            keys.add(rs.getString("sk" + i));
        }
        return new Row(resource, keys);
    }
}
