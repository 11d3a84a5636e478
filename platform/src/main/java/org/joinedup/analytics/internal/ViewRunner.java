package org.joinedup.analytics.internal;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Resource;
import org.joinedup.analytics.ViewDefinitionException;

/**
 * Runs a SQL on FHIR v2 ViewDefinition over resources, making its rows: the view's {@code where} filters resources
 * (each path must be true), then each {@code select} is made for its focus ({@code forEach}, {@code forEachOrNull},
 * {@code repeat} or the node itself), its {@code column}s, nested {@code select}s and {@code unionAll} joined as a
 * cross product; a column is one value (or null), or a list when {@code collection} is true. A malformed view, or a
 * column with several values not declared a collection, is refused with why.
 */
public final class ViewRunner {

    private final FhirContext context;
    private final ViewPaths paths;

    public ViewRunner(FhirContext context) {
        this.context = context;
        this.paths = new ViewPaths(context);
    }

    /** A checked view, ready to make rows. */
    public final class View {

        private final JsonNode definition;
        private final String resource;
        private final Map<String, List<Base>> constants;
        private final List<String> columns;

        private View(JsonNode definition) {
            this.definition = definition;
            if (!definition.path("resource").isTextual() || definition.path("resource").asText().isBlank()) {
                throw new ViewDefinitionException("A view needs the resource type it is over ('resource')");
            }
            this.resource = definition.path("resource").asText();
            this.constants = ViewShape.constants(definition.path("constant"), context);
            Set<String> names = new LinkedHashSet<>();
            ViewShape.check(definition, names, paths);
            if (names.isEmpty()) {
                throw new ViewDefinitionException("A view needs at least one column");
            }
            this.columns = List.copyOf(names);
            for (JsonNode where : definition.path("where")) {
                paths.parse(ViewShape.text(where, "path"));
            }
        }

        public String resource() {
            return resource;
        }

        /** The view's column names, in order. */
        public List<String> columns() {
            return columns;
        }

        /** The rows of one resource (none if it is of another type or a {@code where} is not true for it). */
        public List<Map<String, Object>> rows(Resource subject) {
            if (!subject.fhirType().equals(resource)) {
                return List.of();
            }
            ViewPaths.Scope scope = new ViewPaths.Scope(constants, 0);
            for (JsonNode where : definition.path("where")) {
                List<Base> result = paths.evaluate(scope, subject, where.path("path").asText());
                if (result.size() > 1 || (result.size() == 1 && !(result.getFirst() instanceof BooleanType))) {
                    throw new ViewDefinitionException("A where path must be true or false: '" + where.path("path").asText() + "'");
                }
                if (result.isEmpty() || !((BooleanType) result.getFirst()).booleanValue()) {
                    return List.of();
                }
            }
            return select(constants, definition, subject, 0);
        }
    }

    /** Checks a view (structure, column names, paths) and makes it ready; a ViewDefinitionException says what is wrong. */
    public View view(JsonNode definition) {
        return new View(definition);
    }

    /** Parses a resource from its JSON. */
    public Resource parse(JsonNode resource) {
        return parse(resource.toString());
    }

    /** Parses a resource from its JSON text. */
    public Resource parse(String resource) {
        return (Resource) context.newJsonParser().parseResource(resource);
    }

    private List<Map<String, Object>> select(Map<String, List<Base>> constants, JsonNode selection, Base node, int index) {
        List<Base> foci;
        List<Integer> indexes = new ArrayList<>();
        boolean orNull = selection.has("forEachOrNull");
        if (selection.has("forEach") || orNull) {
            foci = node == null ? List.of() : paths.evaluate(new ViewPaths.Scope(constants, index), node, selection.path(orNull ? "forEachOrNull" : "forEach").asText());
            for (int i = 0; i < foci.size(); i++) {
                indexes.add(i);
            }
        } else if (selection.has("repeat")) {
            foci = new ArrayList<>();
            if (node != null) {
                repeat(constants, selection.path("repeat"), node, foci, index);
            }
            for (int i = 0; i < foci.size(); i++) {
                indexes.add(i);
            }
        } else {
            foci = new ArrayList<>();
            foci.add(node);
            indexes.add(index);
        }
        if (foci.isEmpty() && orNull) {
            foci = new ArrayList<>();
            foci.add(null);
            indexes.add(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int f = 0; f < foci.size(); f++) {
            Base focus = foci.get(f);
            int rowIndex = indexes.get(f);
            List<List<Map<String, Object>>> parts = new ArrayList<>();
            if (selection.has("column")) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (JsonNode column : selection.path("column")) {
                    row.put(column.path("name").asText(), value(constants, column, focus, rowIndex));
                }
                parts.add(List.of(row));
            }
            for (JsonNode nested : selection.path("select")) {
                parts.add(select(constants, nested, focus, rowIndex));
            }
            if (selection.has("unionAll")) {
                List<Map<String, Object>> union = new ArrayList<>();
                for (JsonNode branch : selection.path("unionAll")) {
                    union.addAll(select(constants, branch, focus, rowIndex));
                }
                parts.add(union);
            }
            rows.addAll(product(parts));
        }
        return rows;
    }

    /** The nodes a {@code repeat} reaches: each path's results, and theirs in turn, depth first. */
    private void repeat(Map<String, List<Base>> constants, JsonNode expressions, Base node, List<Base> into, int index) {
        for (JsonNode expression : expressions) {
            for (Base child : paths.evaluate(new ViewPaths.Scope(constants, index), node, expression.asText())) {
                into.add(child);
                repeat(constants, expressions, child, into, index);
            }
        }
    }

    private Object value(Map<String, List<Base>> constants, JsonNode column, Base focus, int rowIndex) {
        boolean collection = column.path("collection").asBoolean(false);
        ViewPaths.Scope scope = new ViewPaths.Scope(constants, rowIndex);
        List<Base> values = focus != null ? paths.evaluate(scope, focus, column.path("path").asText())
                : column.path("path").asText().equals("%rowIndex") ? paths.evaluate(scope, new BooleanType(true), "%rowIndex") : List.of();
        if (collection) {
            List<Object> list = new ArrayList<>();
            values.forEach(v -> list.add(primitive(v)));
            return list;
        }
        if (values.size() > 1) {
            throw new ViewDefinitionException("Column '" + column.path("name").asText() + "' has " + values.size()
                    + " values; declare it \"collection\": true to keep them all");
        }
        return values.isEmpty() ? null : primitive(values.getFirst());
    }

    /** A FHIR value as a row holds it: booleans and numbers as such, other primitives as their text, complex values as their JSON. */
    private Object primitive(Base value) {
        if (value instanceof org.hl7.fhir.r4.model.BooleanType b) {
            return b.booleanValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
            return i.getValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.DecimalType d) {
            return d.getValue();
        }
        if (value.isPrimitive()) {
            return value.primitiveValue();
        }
        return value.toString();
    }

    private static List<Map<String, Object>> product(List<List<Map<String, Object>>> parts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>());
        for (List<Map<String, Object>> part : parts) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> left : rows) {
                for (Map<String, Object> right : part) {
                    Map<String, Object> row = new LinkedHashMap<>(left);
                    row.putAll(right);
                    next.add(row);
                }
            }
            rows = next;
        }
        return rows;
    }
}
