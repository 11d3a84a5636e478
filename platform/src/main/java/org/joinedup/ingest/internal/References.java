package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Moving references between patients in a resource's JSON, and comparing identifiers. */
final class References {

    private References() {
    }

    /** Points every reference to {@code from} (relative or absolute) at {@code to}; whether any was. */
    static boolean move(JsonNode node, String from, String to) {
        boolean moved = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String reference = object.path("reference").asText(null);
            if (reference != null && (reference.equals(from) || reference.endsWith("/" + from))) {
                object.put("reference", to);
                moved = true;
            }
            for (JsonNode child : object) {
                moved |= move(child, from, to);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                moved |= move(child, from, to);
            }
        }
        return moved;
    }

    /** Whether a list of identifiers holds one with the same system and value. */
    static boolean holds(JsonNode identifiers, JsonNode identifier) {
        for (JsonNode held : identifiers) {
            if (held.path("system").asText().equals(identifier.path("system").asText())
                    && held.path("value").asText().equals(identifier.path("value").asText())) {
                return true;
            }
        }
        return false;
    }
}
