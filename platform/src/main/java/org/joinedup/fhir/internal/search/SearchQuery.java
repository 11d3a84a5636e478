package org.joinedup.fhir.internal.search;

import java.util.Set;

/**
 * The SQL of one page of a search: matches filtered and ordered in the database, keyset-paged, and only
 * the page's rows joined to their JSON.
 */
final class SearchQuery {

    static final String RESULT_COLUMNS = "v.pk, v.res_type, v.res_id, v.version, v.last_updated, v.method, v.content";

    private SearchQuery() {
    }

    /** The WHERE clause shared by the page and count queries. */
    static void where(SearchSpec spec, CriterionSql criteria, Set<Long> comps, Sql sql) {
        sql.append(" WHERE r.res_type = ").arg(spec.type()).append(" AND NOT r.deleted").andVisible("r");
        for (Criterion criterion : spec.criteria()) {
            sql.append(" AND ");
            criteria.condition(criterion, spec.type(), "r", comps, 0, sql);
        }
    }

    static Sql page(SearchSpec spec, CriterionSql criteria, Set<Long> comps, int limit) {
        PageCursor cursor = spec.cursor();
        boolean backward = cursor != null && cursor.backward();
        Sql inner = new Sql().append("SELECT r.pk, r.version, r.patients");
        for (int i = 0; i < spec.sort().size(); i++) {
            inner.append(", ");
            SortSql.expression(spec.sort().get(i), "r", inner);
            inner.append(" AS sk" + i);
        }
        inner.append(" FROM resource r");
        where(spec, criteria, comps, inner);

        Sql page = new Sql().append("SELECT m.* FROM (").append(inner).append(") m");
        if (cursor != null) {
            page.append(" WHERE ");
            SortSql.keyset(spec.sort(), cursor, "m.", page);
        }
        page.append(SortSql.orderBy(spec.sort(), "m.", backward)).append(" LIMIT ").arg(limit);

        Sql sql = new Sql().append("SELECT " + RESULT_COLUMNS + ", p.patients");
        for (int i = 0; i < spec.sort().size(); i++) {
            sql.append(", p.sk" + i + "::text AS sk" + i);
        }
        sql.append(" FROM (").append(page).append(") p JOIN resource_version v ON v.pk = p.pk AND v.version = p.version")
                .append(SortSql.orderBy(spec.sort(), "p.", backward));
        return sql;
    }

    /** The ids of the first matches in key order, without their JSON: for resolving conditional references. */
    static Sql ids(SearchSpec spec, CriterionSql criteria, Set<Long> comps, int limit) {
        Sql sql = new Sql().append("SELECT r.res_id FROM resource r");
        where(spec, criteria, comps, sql);
        return sql.append(" ORDER BY r.pk LIMIT ").arg(limit);
    }

    static Sql count(SearchSpec spec, CriterionSql criteria, Set<Long> comps) {
        Sql sql = new Sql().append("SELECT count(*) FROM resource r");
        where(spec, criteria, comps, sql);
        return sql;
    }
}
