package org.joinedup.fhir.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;

/** Reads {@code _sort=a,-b} (and repeated {@code _sort}) into sort keys. */
final class SortParser {

    private SortParser() {
    }

    static List<SortKey> parse(SearchParamRegistry registry, String type, List<String> values) {
        List<SortKey> keys = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                boolean descending = name.startsWith("-");
                if (descending) {
                    name = name.substring(1);
                }
                if (name.equals("_id") || name.equals("_lastUpdated")) {
                    keys.add(new SortKey(name, null, descending));
                    continue;
                }
                SearchParam param = registry.find(type, name);
                if (param == null || param.expression() == null || param.type() == ParamType.COMPOSITE) {
                    throw FhirException.badRequest("Cannot sort " + type + " by '" + name + "': no such sortable search parameter");
                }
                keys.add(new SortKey(name, param, descending));
            }
        }
        return List.copyOf(keys);
    }
}
