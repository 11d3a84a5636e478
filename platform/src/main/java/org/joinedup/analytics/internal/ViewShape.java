package org.joinedup.analytics.internal;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Parameters;
import org.joinedup.analytics.ViewDefinitionException;

/** What a ViewDefinition must be before it is run: its structure, its paths, its column names once each, and its constants read as FHIR values. */
final class ViewShape {

    private ViewShape() {
    }

    /** The view's constants as FHIR values, read by HAPI's parser from a Parameters resource of the same shape. */
    static Map<String, List<Base>> constants(JsonNode constants, FhirContext context) {
        Map<String, List<Base>> values = new HashMap<>();
        if (constants.isMissingNode() || constants.isEmpty()) {
            return values;
        }
        com.fasterxml.jackson.databind.node.ObjectNode parameters = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("resourceType", "Parameters");
        parameters.set("parameter", constants.deepCopy());
        Parameters parsed;
        try {
            parsed = (Parameters) context.newJsonParser().parseResource(parameters.toString());
        } catch (RuntimeException e) {
            throw new ViewDefinitionException("The view's constants could not be read: " + e.getMessage());
        }
        for (Parameters.ParametersParameterComponent p : parsed.getParameter()) {
            if (p.getValue() == null) {
                throw new ViewDefinitionException("Constant %" + p.getName() + " has no value");
            }
            values.put(p.getName(), List.of(p.getValue()));
        }
        return values;
    }

    /** Checks a selection's structure and paths, gathering its column names (each once across the view). */
    static void check(JsonNode selection, Set<String> names, ViewPaths paths) {
        for (String key : List.of("forEach", "forEachOrNull")) {
            if (selection.has(key)) {
                paths.parse(text(selection, key));
            }
        }
        for (JsonNode column : selection.path("column")) {
            String name = text(column, "name");
            paths.parse(text(column, "path"));
            if (!names.add(name)) {
                throw new ViewDefinitionException("Column name '" + name + "' is used twice");
            }
        }
        for (JsonNode nested : selection.path("select")) {
            check(nested, names, paths);
        }
        if (selection.has("unionAll")) {
            List<Set<String>> branches = new ArrayList<>();
            for (JsonNode branch : selection.path("unionAll")) {
                Set<String> own = new LinkedHashSet<>();
                check(branch, own, paths);
                branches.add(own);
            }
            for (Set<String> branch : branches) {
                if (!new ArrayList<>(branch).equals(new ArrayList<>(branches.getFirst()))) {
                    throw new ViewDefinitionException("Every branch of a unionAll must have the same columns, in the same order");
                }
            }
            if (!branches.isEmpty()) {
                for (String name : branches.getFirst()) {
                    if (!names.add(name)) {
                        throw new ViewDefinitionException("Column name '" + name + "' is used twice");
                    }
                }
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ViewDefinitionException("'" + field + "' must be text");
        }
        return value.asText();
    }
}
