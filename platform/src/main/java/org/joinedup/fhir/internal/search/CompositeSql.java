package org.joinedup.fhir.internal.search;

import java.util.List;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;

/** Composite values {@code first$second}, each part matched by its own parameter type's rules. */
final class CompositeSql {

    private CompositeSql() {
    }

    static void composite(SearchParam param, String value, String baseUrl, Sql sql) {
        List<String> parts = Escaping.split(value, '$');
        if (parts.size() != param.components().size() || parts.size() != 2) {
            throw FhirException.badRequest("'" + value + "' does not have the " + param.components().size()
                    + " parts, separated by '$', that '" + param.code() + "' needs");
        }
        sql.append("(");
        first(param.components().get(0).type(), parts.get(0), sql);
        sql.append(") AND (");
        second(param, param.components().get(1).type(), parts.get(1), baseUrl, sql);
        sql.append(")");
    }

    private static void first(ParamType type, String value, Sql sql) {
        if (type == ParamType.STRING) {
            ValueSql.stringStartsWith(value, "x.a_code", sql);
        } else if (type == ParamType.URI) {
            sql.append("x.a_code = ").arg(Escaping.unescape(value));
        } else {
            ValueSql.token(value, Columns.Token.FIRST, sql);
        }
    }

    private static void second(SearchParam param, ParamType type, String value, String baseUrl, Sql sql) {
        switch (type) {
            case QUANTITY -> ValueSql.quantity(value, Columns.Quantity.SECOND, sql);
            case NUMBER -> ValueSql.number(value, "x.b_num", sql);
            case DATE -> ValueSql.date(value, Columns.Dates.SECOND, sql);
            case STRING -> ValueSql.stringStartsWith(value, "x.b_code", sql);
            case URI -> sql.append("x.b_code = ").arg(Escaping.unescape(value));
            case REFERENCE -> ReferenceSql.reference(param, null, Escaping.unescape(value), baseUrl, Columns.Reference.SECOND, sql);
            default -> ValueSql.token(value, Columns.Token.SECOND, sql);
        }
    }
}
