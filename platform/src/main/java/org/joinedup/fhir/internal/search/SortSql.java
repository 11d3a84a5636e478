package org.joinedup.fhir.internal.search;

import java.util.List;
import org.joinedup.fhir.internal.param.ParamType;

/**
 * Sort keys as SQL: a column of the resource row, or for a search parameter the lowest value (ascending)
 * or highest (descending) among the resource's values, as FHIR defines for repeating elements. Missing
 * values sort last either way; the row key breaks ties so paging is exact.
 */
final class SortSql {

    private SortSql() {
    }

    static void expression(SortKey key, String alias, Sql sql) {
        if (key.param() == null) {
            sql.append(key.name().equals("_id") ? alias + ".res_id" : alias + ".last_updated");
            return;
        }
        ParamType type = key.param().type();
        String column = switch (type) {
            case DATE -> key.descending() ? "max(x.hi)" : "min(x.lo)";
            case STRING, NUMBER, QUANTITY, URI -> key.descending() ? "max(x.v)" : "min(x.v)";
            case TOKEN -> key.descending() ? "max(x.code)" : "min(x.code)";
            case REFERENCE -> key.descending() ? "max(x.tid)" : "min(x.tid)";
            default -> throw new IllegalArgumentException("Cannot sort by " + type);
        };
        sql.append("(SELECT " + column + " FROM " + CriterionSql.table(type) + " x WHERE x.pk = " + alias + ".pk AND ")
                .in("x.p", key.param().keyIds());
        CriterionSql.resolveTypes(key.param(), sql);
        sql.append(")");
    }

    /** The SQL type a sort value is cast back to when it comes from a paging token. */
    static String castOf(SortKey key) {
        if (key.param() == null) {
            return key.name().equals("_id") ? "text" : "timestamptz";
        }
        return switch (key.param().type()) {
            case DATE -> "timestamptz";
            case NUMBER, QUANTITY -> "numeric";
            default -> "text";
        };
    }

    /** {@code ORDER BY} for the keys and row key, forwards or reversed. */
    static String orderBy(List<SortKey> keys, String prefix, boolean reversed) {
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            boolean descending = keys.get(i).descending() != reversed;
            order.append(prefix).append("sk").append(i).append(descending ? " DESC" : " ASC")
                    .append(reversed ? " NULLS FIRST" : " NULLS LAST").append(", ");
        }
        return order.append(prefix).append("pk").append(reversed ? " DESC" : " ASC").toString();
    }

    /** Rows strictly after (or, backward, before) the cursor in the forward order. */
    static void keyset(List<SortKey> keys, PageCursor cursor, String prefix, Sql sql) {
        sql.append("(");
        for (int i = 0; i <= keys.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("(TRUE");
            for (int j = 0; j < i; j++) {
                String value = cursor.keys().get(j);
                String column = prefix + "sk" + j;
                if (value == null) {
                    sql.append(" AND " + column + " IS NULL");
                } else {
                    sql.append(" AND " + column + " = CAST(").arg(value).append(" AS " + castOf(keys.get(j)) + ")");
                }
            }
            if (i == keys.size()) {
                sql.append(" AND " + prefix + "pk " + (cursor.backward() ? "<" : ">") + " ").arg(cursor.pk());
            } else {
                sql.append(" AND ");
                step(keys.get(i), cursor.keys().get(i), prefix + "sk" + i, cursor.backward(), sql);
            }
            sql.append(")");
        }
        sql.append(")");
    }

    private static void step(SortKey key, String value, String column, boolean backward, Sql sql) {
        String cast = castOf(key);
        if (!backward) {
            if (value == null) {
                sql.append("FALSE");
            } else {
                sql.append("(" + column + (key.descending() ? " < " : " > ") + "CAST(").arg(value)
                        .append(" AS " + cast + ") OR " + column + " IS NULL)");
            }
        } else if (value == null) {
            sql.append(column + " IS NOT NULL");
        } else {
            sql.append(column + (key.descending() ? " > " : " < ") + "CAST(").arg(value).append(" AS " + cast + ")");
        }
    }
}
