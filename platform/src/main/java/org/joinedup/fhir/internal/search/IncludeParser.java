package org.joinedup.fhir.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.rest.QueryParams;

/** Reads {@code _include} and {@code _revinclude}, with {@code :iterate} (or the older {@code :recurse}). */
final class IncludeParser {

    private IncludeParser() {
    }

    static List<Include> parse(SearchParamRegistry registry, String type, QueryParams query) {
        List<Include> includes = new ArrayList<>();
        for (Map.Entry<String, String> entry : query.entries()) {
            String name = entry.getKey();
            boolean reverse = name.startsWith("_revinclude");
            if (!reverse && !name.startsWith("_include")) {
                continue;
            }
            String modifier = name.contains(":") ? name.substring(name.indexOf(':') + 1) : null;
            boolean iterate = "iterate".equals(modifier) || "recurse".equals(modifier);
            if (modifier != null && !iterate) {
                throw FhirException.badRequest("Unknown modifier in '" + name + "'");
            }
            includes.add(include(registry, entry.getValue(), iterate, reverse));
        }
        return List.copyOf(includes);
    }

    private static Include include(SearchParamRegistry registry, String value, boolean iterate, boolean reverse) {
        if (value.equals("*")) {
            return new Include("*", "*", null, iterate, reverse);
        }
        String[] parts = value.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw FhirException.badRequest("'" + value + "' is not a valid include: use SourceType:parameter[:TargetType]");
        }
        if (!parts[1].equals("*")) {
            SearchParam param = registry.find(parts[0], parts[1]);
            if (param == null || param.type() != ParamType.REFERENCE) {
                throw FhirException.badRequest("'" + parts[1] + "' is not a reference search parameter of " + parts[0]);
            }
        }
        return new Include(parts[0], parts[1], parts.length == 3 ? parts[2] : null, iterate, reverse);
    }
}
