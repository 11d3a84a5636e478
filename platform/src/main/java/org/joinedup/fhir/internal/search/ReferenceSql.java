package org.joinedup.fhir.internal.search;

import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.path.ReferenceText;

/**
 * Reference search values: {@code Type/id}, a bare {@code id} (typed by a {@code :Type} modifier or the
 * parameter's only target), an absolute URL on this server (local) or elsewhere (matched as a URL), and a
 * canonical URL (its {@code |version} ignored).
 */
final class ReferenceSql {

    private ReferenceSql() {
    }

    static void reference(SearchParam param, String modifier, String value, String baseUrl, Columns.Reference c, Sql sql) {
        String[] typeAndId = value.contains("/") ? ReferenceText.local(value, baseUrl) : null;
        if (typeAndId == null && ReferenceText.isAbsolute(value)) {
            int bar = value.indexOf('|');
            sql.append(c.url() + " = ").arg(bar > 0 ? value.substring(0, bar) : value);
            return;
        }
        if (typeAndId != null) {
            sql.append(c.type() + " = ").arg(typeAndId[0]).append(" AND " + c.id() + " = ").arg(typeAndId[1]);
            return;
        }
        String type = modifier != null && !modifier.equals("identifier") ? modifier
                : param.targets().size() == 1 ? param.targets().iterator().next() : null;
        sql.append(c.id() + " = ").arg(value);
        if (type != null) {
            sql.append(" AND " + c.type() + " = ").arg(type);
        }
    }

    /** The patient id a reference search value names, or null if it does not clearly name a Patient. */
    static String patientId(SearchParam param, String modifier, String value) {
        if (ReferenceText.isAbsolute(value)) {
            return null;
        }
        if (value.contains("/")) {
            String[] typeAndId = ReferenceText.typeAndId(value);
            return typeAndId != null && typeAndId[0].equals("Patient") ? typeAndId[1] : null;
        }
        if ("Patient".equals(modifier)) {
            return value;
        }
        boolean onlyPatients = modifier == null && param.targets().size() == 1 && param.targets().contains("Patient");
        return onlyPatients ? value : null;
    }
}
