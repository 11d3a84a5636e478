package org.joinedup.analytics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A view's columns as it declares them: name, FHIR type, whether a collection, and their tags ({@code pseudonymise}). */
public final class ViewColumns {

    /** One column. */
    public record Column(String name, String type, boolean collection, Map<String, String> tags) {

        /** The column's tag of that name, or null. */
        public String tag(String name) {
            return tags.get(name);
        }
    }

    private ViewColumns() {
    }

    /** Every column of the view, in order (a unionAll's branches share their columns: the first branch's are taken). */
    public static List<Column> of(JsonNode definition) {
        Map<String, Column> columns = new LinkedHashMap<>();
        collect(definition, columns);
        return new ArrayList<>(columns.values());
    }

    private static void collect(JsonNode selection, Map<String, Column> columns) {
        for (JsonNode column : selection.path("column")) {
            Map<String, String> tags = new LinkedHashMap<>();
            column.path("tag").forEach(tag -> tags.put(tag.path("name").asText(), tag.path("value").asText()));
            columns.putIfAbsent(column.path("name").asText(), new Column(column.path("name").asText(), column.path("type").asText("string"),
                    column.path("collection").asBoolean(false), Map.copyOf(tags)));
        }
        for (JsonNode select : selection.path("select")) {
            collect(select, columns);
        }
        for (JsonNode branch : selection.path("unionAll")) {
            collect(branch, columns);
        }
    }
}
