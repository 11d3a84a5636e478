package org.joinedup.fhir.internal.search;

import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.param.ParamType;

/**
 * The clinical list "this patient's X, newest first" ({@code Observation?patient=X&_sort=-date}) walks the
 * index of date values kept per patient compartment in order and reads a little over one page of
 * candidates, whatever the planner estimates, then applies the search's conditions to those. A patient with
 * 5,000 observations costs no more than one with 50. Resources without the date (which sort last) and
 * backward paging into them fall back to {@link SearchQuery}.
 *
 * <p>Conditions on the sorting date itself ({@code date=le2024-03-01}, as a timeline's "older than" asks) are
 * applied while walking, so a page 5,000 events back starts there instead of reading through the newer ones.
 * A resource with several values of that date is then placed by its latest value meeting them. With a text search
 * ({@code _content}) the search's conditions are applied while walking too (see {@link #walking}).
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
        List<Criterion.Values> bounds = bounds(spec);
        bounds.forEach(bound -> within(bound, "d", sql));
        List<Criterion> walking = walking(spec);
        for (Criterion criterion : walking) {
            sql.append(" AND ");
            criteria.condition(criterion, spec.type(), "d", comps, 0, sql);
        }
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
                .append(" AND e.comp = ").arg(comp).append(" AND (e.hi > c.hi OR (e.hi = c.hi AND e.ctid > c.t))");
        bounds.forEach(bound -> within(bound, "e", sql));
        sql.append(")");
        for (Criterion criterion : spec.criteria()) {
            if (!walking.contains(criterion) && !impliedByWalk(spec, criterion)) {
                sql.append(" AND ");
                criteria.condition(criterion, spec.type(), "r", comps, 0, sql);
            }
        }
        String pkOrder = backward ? "DESC" : "ASC";
        sql.append(" ORDER BY c.hi " + order + ", c.pk " + pkOrder).append(" LIMIT ").arg(limit).append(")")
                .append(" SELECT meta.candidates, meta.last_hi, meta.last_pk, m.* FROM meta LEFT JOIN m ON TRUE")
                .append(" ORDER BY m.hi_order " + order + ", m.pk " + pkOrder);
        return sql;
    }

    /**
     * The conditions applied while walking. With a text search, every condition that tests the row key: the words
     * make matches sparse, so the walk yields matches only, in one round, instead of reading through candidates
     * that another condition then drops. Otherwise none: a few candidates read and tested cost less.
     */
    private static List<Criterion> walking(SearchSpec spec) {
        if (spec.criteria().stream().noneMatch(c -> c instanceof Criterion.Text)) {
            return List.of();
        }
        List<Criterion.Values> bounds = bounds(spec); // applied to each row already
        return spec.criteria().stream().filter(c -> !impliedByWalk(spec, c) && !bounds.contains(c)).filter(c -> c instanceof Criterion.Text
                || c instanceof Criterion.Values || c instanceof Criterion.Missing || c instanceof Criterion.Chain).toList();
    }

    /**
     * Whether only resources with the date can match ({@code date:missing=false}, or a bound on it), so that the
     * walk finds every match and those without the date need not be looked for.
     */
    static boolean datedOnly(SearchSpec spec) {
        return !bounds(spec).isEmpty() || spec.criteria().stream().anyMatch(c -> impliedByWalk(spec, c));
    }

    /** {@code date:missing=false} on the sorting date: true of every row the walk reads. */
    private static boolean impliedByWalk(SearchSpec spec, Criterion criterion) {
        return criterion instanceof Criterion.Missing m && !m.missing() && m.param().keyIds().equals(spec.sort().getFirst().param().keyIds());
    }

    /** The search's plain conditions on the date it sorts by. */
    private static List<Criterion.Values> bounds(SearchSpec spec) {
        List<Integer> sortKeys = spec.sort().getFirst().param().keyIds();
        return spec.criteria().stream().filter(c -> c instanceof Criterion.Values v && v.modifier() == null && v.param().keyIds().equals(sortKeys))
                .map(Criterion.Values.class::cast).toList();
    }

    /** One condition on the date row {@code alias}: any of its values. */
    private static void within(Criterion.Values bound, String alias, Sql sql) {
        Columns.Dates columns = new Columns.Dates(alias + ".lo", alias + ".hi");
        sql.append(" AND (");
        for (int i = 0; i < bound.values().size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            ValueSql.date(bound.values().get(i), columns, sql);
            sql.append(")");
        }
        sql.append(")");
    }
}
