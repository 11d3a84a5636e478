package org.joinedup.fhir.internal.search;

import java.util.Set;
import org.joinedup.fhir.internal.param.ParamType;

/**
 * The clinical list "this patient's X, newest first" ({@code Observation?patient=X&_sort=-date}) walks the
 * index of date values kept per patient compartment in order and reads a little over one page of
 * candidates, whatever the planner estimates, then applies the search's conditions to those. A patient with
 * 5,000 observations costs no more than one with 50. Resources without the date (which sort last) and
 * backward paging into them fall back to {@link SearchQuery}.
 */
final class NewestFirstQuery {

    private NewestFirstQuery() {
    }

    /** One descending date sort key, one patient compartment, and a cursor (if any) on a dated row. */
    static boolean applies(SearchSpec spec, Set<Long> comps) {
        if (spec.sort().size() != 1 || comps.size() != 1) {
            return false;
        }
        SortKey key = spec.sort().getFirst();
        return key.descending() && key.param() != null && key.param().type() == ParamType.DATE && key.param().keys().size() == 1
                && (spec.cursor() == null || spec.cursor().keys().getFirst() != null);
    }

    /**
     * Matches among the {@code candidates} next date rows after {@code after} (the cursor, or the last candidate
     * of an earlier round). Each row also carries how many candidates were read and the last one's position,
     * so the caller can read on when too few matched.
     */
    static Sql page(SearchSpec spec, CriterionSql criteria, Set<Long> comps, PageCursor after, int candidates, int limit) {
        boolean backward = after != null && after.backward();
        long comp = comps.iterator().next();
        int dateParam = spec.sort().getFirst().param().keyIds().getFirst();
        Sql sql = new Sql().append("WITH c AS MATERIALIZED (SELECT d.pk, d.hi, d.ctid AS t FROM sp_date d WHERE d.comp = ").arg(comp)
                .append(" AND d.p = ").arg(dateParam);
        if (after != null) {
            String hi = after.keys().getFirst();
            String op = backward ? ">" : "<";
            sql.append(" AND d.hi " + op + "= CAST(").arg(hi).append(" AS timestamptz) AND (d.hi " + op + " CAST(").arg(hi)
                    .append(" AS timestamptz) OR d.pk " + (backward ? "<" : ">") + " ").arg(after.pk()).append(")");
        }
        String order = backward ? "ASC" : "DESC";
        String lastOrder = backward ? "DESC, l.pk ASC" : "ASC, l.pk DESC";
        sql.append(" ORDER BY d.hi " + order + ", d.pk " + (backward ? "DESC" : "ASC")).append(" LIMIT ").arg(candidates).append(")")
                .append(", meta AS (SELECT count(*) AS candidates,")
                .append(" (SELECT l.hi::text FROM c l ORDER BY l.hi " + lastOrder + " LIMIT 1) AS last_hi,")
                .append(" (SELECT l.pk FROM c l ORDER BY l.hi " + lastOrder + " LIMIT 1) AS last_pk FROM c)")
                .append(", m AS (SELECT " + SearchQuery.RESULT_COLUMNS + ", r.patients, c.hi::text AS sk0, c.hi AS hi_order")
                .append(" FROM c JOIN resource r ON r.pk = c.pk JOIN resource_version v ON v.pk = r.pk AND v.version = r.version")
                .append(" WHERE r.res_type = ").arg(spec.type()).append(" AND NOT r.deleted").andVisible("r")
                // a resource with several dates appears once, at its latest
                .append(" AND NOT EXISTS (SELECT 1 FROM sp_date e WHERE e.pk = c.pk AND e.p = ").arg(dateParam)
                .append(" AND e.comp = ").arg(comp).append(" AND (e.hi > c.hi OR (e.hi = c.hi AND e.ctid > c.t)))");
        for (Criterion criterion : spec.criteria()) {
            sql.append(" AND ");
            criteria.condition(criterion, spec.type(), "r", comps, 0, sql);
        }
        String pkOrder = backward ? "DESC" : "ASC";
        sql.append(" ORDER BY c.hi " + order + ", c.pk " + pkOrder).append(" LIMIT ").arg(limit).append(")")
                .append(" SELECT meta.candidates, meta.last_hi, meta.last_pk, m.* FROM meta LEFT JOIN m ON TRUE")
                .append(" ORDER BY m.hi_order " + order + ", m.pk " + pkOrder);
        return sql;
    }
}
