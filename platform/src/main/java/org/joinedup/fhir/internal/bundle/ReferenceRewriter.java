package org.joinedup.fhir.internal.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.joinedup.fhir.internal.model.Child;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.model.FhirModel;

/**
 * Rewrites the references in a resource, guided by its type: every {@code Reference.reference}, and every
 * uri or canonical value that names a Bundle entry's fullUrl. Used by transactions to point references
 * at the ids the server chose.
 */
final class ReferenceRewriter {

    private final FhirModel model;

    ReferenceRewriter(FhirModel model) {
        this.model = model;
    }

    /** Rewrites in place; {@code references} maps a reference string to its replacement (or returns it unchanged). */
    void rewrite(ObjectNode resource, UnaryOperator<String> references, Map<String, String> fullUrls) {
        ElementType type = model.resourceType(resource.path("resourceType").asText());
        if (type != null) {
            walk(resource, type, references, fullUrls);
        }
    }

    private void walk(ObjectNode object, ElementType type, UnaryOperator<String> references, Map<String, String> fullUrls) {
        if (type.name().equals("Reference")) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual()) {
                String replaced = references.apply(reference.textValue());
                if (!replaced.equals(reference.textValue())) {
                    object.put("reference", replaced);
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            Child child = type.childByJsonName(field.getKey());
            if (child == null) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = array.get(i);
                    if (item.isTextual() && isUri(child) && fullUrls.containsKey(item.textValue())) {
                        array.set(i, array.textNode(fullUrls.get(item.textValue())));
                    } else {
                        visit(item, child, references, fullUrls);
                    }
                }
            } else if (value.isTextual() && isUri(child) && fullUrls.containsKey(value.textValue())) {
                object.put(field.getKey(), fullUrls.get(value.textValue()));
            } else {
                visit(value, child, references, fullUrls);
            }
        }
    }

    private void visit(JsonNode value, Child child, UnaryOperator<String> references, Map<String, String> fullUrls) {
        if (!(value instanceof ObjectNode object)) {
            return;
        }
        ElementType type = child.type();
        if (type.kind() == ElementType.Kind.ANY_RESOURCE) {
            type = model.resourceType(object.path("resourceType").asText());
        }
        if (type != null && !type.isPrimitive()) {
            walk(object, type, references, fullUrls);
        }
    }

    private static boolean isUri(Child child) {
        String name = child.type().name();
        return name.equals("uri") || name.equals("canonical") || name.equals("url");
    }
}
