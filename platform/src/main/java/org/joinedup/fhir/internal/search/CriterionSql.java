package org.joinedup.fhir.internal.search;

import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;

/**
 * Turns criteria into SQL conditions on a resource row: each is a semi-join into the parameter's index
 * table ({@code r.pk IN (SELECT x.pk FROM sp_token x WHERE ...)}), nested for chains and {@code _has},
 * so access filters and paging stay inside one query.
 */
final class CriterionSql {

    private final String baseUrl;

    CriterionSql(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Appends the condition for a criterion on the row {@code alias} of {@code type}. {@code comps} are
     * compartment keys every match must have (empty when unknown); they narrow token and date lookups.
     */
    void condition(Criterion criterion, String type, String alias, Set<Long> comps, int depth, Sql sql) {
        switch (criterion) {
            case Criterion.Values v -> values(v, alias, comps, sql);
            case Criterion.Missing m -> {
                String table = table(m.param().type());
                sql.append(alias + ".pk " + (m.missing() ? "NOT IN" : "IN") + " (SELECT x.pk FROM " + table + " x WHERE ")
                        .in("x.p", m.param().keyIds());
                resolveTypes(m.param(), sql);
                if (!comps.isEmpty() && (table.equals("sp_token") || table.equals("sp_date"))) {
                    sql.append(" AND x.comp IN ").args(comps); // rows are kept per compartment: a match's are in its own
                }
                sql.append(")");
            }
            case Criterion.Ids ids -> sql.append(alias + ".res_id " + (ids.negated() ? "NOT IN " : "IN ")).args(ids.ids());
            case Criterion.Compartment c -> {
                if (c.patients().isEmpty()) {
                    sql.append("cardinality(" + alias + ".patients) > 0");
                } else {
                    sql.append(alias + ".patients && CAST(").arg(c.patients().toArray(String[]::new)).append(" AS text[])");
                }
            }
            case Criterion.LastUpdated l -> anyOf(l.values(), sql, value -> ValueSql.date(value,
                    new Columns.Dates(alias + ".last_updated", "(" + alias + ".last_updated + interval '1 millisecond')"), sql));
            case Criterion.Text t -> {
                sql.append(alias + ".pk IN (SELECT x.pk FROM sp_text x WHERE x.narrative = " + t.narrative());
                if (!comps.isEmpty()) {
                    sql.append(" AND x.comp IN ").args(comps);
                }
                sql.append(" AND x.doc @@ CAST(").arg(org.joinedup.fhir.internal.index.TextVectors.query(t.values())).append(" AS tsquery))");
            }
            case Criterion.Chain c -> chain(c, alias, depth, sql);
            case Criterion.Has h -> has(h, type, alias, depth, sql);
            case Criterion.AnyOf any -> {
                sql.append("(");
                for (int i = 0; i < any.alternatives().size(); i++) {
                    if (i > 0) {
                        sql.append(" OR ");
                    }
                    condition(any.alternatives().get(i), type, alias, Set.of(), depth, sql);
                }
                sql.append(")");
            }
        }
    }

    private void values(Criterion.Values v, String alias, Set<Long> comps, Sql sql) {
        SearchParam param = v.param();
        String modifier = v.modifier();
        boolean negated = "not".equals(modifier);
        boolean identifier = "identifier".equals(modifier);
        boolean ofType = "of-type".equals(modifier);
        String table = identifier || ofType ? "sp_token" : table(param.type());
        List<Integer> keys = identifier ? param.variantIds("identifier") : ofType ? param.variantIds("of-type") : param.keyIds();
        sql.append(alias + ".pk " + (negated ? "NOT IN" : "IN") + " (SELECT x.pk FROM " + table + " x WHERE ").in("x.p", keys);
        if (!identifier) {
            resolveTypes(param, sql);
        }
        if (!comps.isEmpty() && (table.equals("sp_token") || table.equals("sp_date"))) {
            sql.append(" AND x.comp IN ").args(comps);
        }
        sql.append(" AND ");
        anyOf(v.values(), sql, value -> value(param, modifier, value, sql));
        sql.append(")");
    }

    private void value(SearchParam param, String modifier, String value, Sql sql) {
        if ("identifier".equals(modifier)) {
            ValueSql.token(value, Columns.Token.TABLE, sql);
            return;
        }
        if ("of-type".equals(modifier)) {
            List<String> parts = Escaping.split(value, '|');
            if (parts.size() != 3) {
                throw FhirException.badRequest("':of-type' values are system|code|value, not '" + value + "'");
            }
            sql.append("x.sys = ").arg(Escaping.unescape(parts.get(0))).append(" AND x.code = ")
                    .arg(Escaping.unescape(parts.get(1)) + "|" + Escaping.unescape(parts.get(2)));
            return;
        }
        switch (param.type()) {
            case STRING -> {
                if ("exact".equals(modifier)) {
                    sql.append("x.exact = ").arg(Escaping.unescape(value));
                } else if ("contains".equals(modifier)) {
                    ValueSql.stringContains(value, "x.v", sql);
                } else {
                    ValueSql.stringStartsWith(value, "x.v", sql);
                }
            }
            case TOKEN -> {
                if ("text".equals(modifier)) {
                    ValueSql.tokenText(value, Columns.Token.TABLE, sql);
                } else {
                    ValueSql.token(value, Columns.Token.TABLE, sql);
                }
            }
            case DATE -> ValueSql.date(value, Columns.Dates.TABLE, sql);
            case NUMBER -> ValueSql.number(value, "x.v", sql);
            case QUANTITY -> ValueSql.quantity(value, Columns.Quantity.TABLE, sql);
            case URI -> uri(modifier, Escaping.unescape(value), sql);
            case REFERENCE -> ReferenceSql.reference(param, modifier, Escaping.unescape(value), baseUrl, Columns.Reference.TABLE, sql);
            case COMPOSITE -> CompositeSql.composite(param, value, baseUrl, sql);
            case SPECIAL -> throw FhirException.notSupported("Special search parameters are not supported");
        }
    }

    private static void uri(String modifier, String value, Sql sql) {
        if ("below".equals(modifier)) {
            ValueSql.startsWith("x.v", value, sql);
        } else if ("above".equals(modifier)) {
            sql.append("starts_with(").arg(value).append(", x.v)");
        } else {
            sql.append("x.v = ").arg(value);
        }
    }

    private void chain(Criterion.Chain chain, String alias, int depth, Sql sql) {
        String inner = "r" + (depth + 1);
        sql.append(alias + ".pk IN (SELECT x.pk FROM sp_reference x WHERE ").in("x.p", chain.reference().keyIds())
                .append(" AND x.ttype = ").arg(chain.targetType())
                .append(" AND x.tid IN (SELECT " + inner + ".res_id FROM resource " + inner + " WHERE " + inner + ".res_type = ")
                .arg(chain.targetType()).append(" AND NOT " + inner + ".deleted").andVisible(inner).append(" AND ");
        condition(chain.inner(), chain.targetType(), inner, Set.of(), depth + 1, sql);
        sql.append("))");
    }

    private void has(Criterion.Has has, String type, String alias, int depth, Sql sql) {
        String inner = "r" + (depth + 1);
        sql.append(alias + ".res_id IN (SELECT x.tid FROM sp_reference x WHERE ").in("x.p", has.reference().keyIds())
                .append(" AND x.ttype = ").arg(type)
                .append(" AND x.pk IN (SELECT " + inner + ".pk FROM resource " + inner + " WHERE " + inner + ".res_type = ")
                .arg(has.sourceType()).append(" AND NOT " + inner + ".deleted").andVisible(inner).append(" AND ");
        condition(has.inner(), has.sourceType(), inner, Set.of(), depth + 1, sql);
        sql.append("))");
    }

    /** For a reference parameter that shares its rows with an unrestricted one, only rows of its own target types count. */
    static void resolveTypes(SearchParam param, Sql sql) {
        if (param.resolveTypes() != null && !param.resolveTypes().isEmpty()) {
            sql.append(" AND ").in("x.ttype", param.resolveTypes());
        }
    }

    static String table(ParamType type) {
        return switch (type) {
            case STRING -> "sp_string";
            case TOKEN -> "sp_token";
            case DATE -> "sp_date";
            case NUMBER -> "sp_number";
            case QUANTITY -> "sp_quantity";
            case REFERENCE -> "sp_reference";
            case URI -> "sp_uri";
            case COMPOSITE -> "sp_composite";
            case SPECIAL -> throw FhirException.notSupported("Special search parameters are not supported");
        };
    }

    private static void anyOf(List<String> values, Sql sql, java.util.function.Consumer<String> each) {
        sql.append("(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("(");
            each.accept(values.get(i));
            sql.append(")");
        }
        sql.append(")");
    }
}
