package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.model.Child;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.outcome.FhirException;

/**
 * {@code _summary} and {@code _elements}: the parts of a resource a client asked for, marked SUBSETTED.
 * Applied to stored JSON only when asked; otherwise the stored bytes pass through untouched.
 */
final class ElementFilter {

    private static final String SUBSETTED_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    private static final Set<String> ALWAYS = Set.of("resourceType", "id", "meta");

    private final FhirModel model;

    ElementFilter(FhirModel model) {
        this.model = model;
    }

    /** The transformation the query asks for, or null when the resource is to be served as stored. */
    UnaryOperator<byte[]> forQuery(QueryParams query) {
        String summary = query.first("_summary");
        String elements = query.first("_elements");
        if (elements != null && !elements.isBlank()) {
            Set<String> names = Set.of(elements.replace(" ", "").split(","));
            return json -> FhirJson.write(elements(FhirJson.readStored(json), names));
        }
        if (summary == null || summary.equals("false") || summary.equals("count")) {
            return null;
        }
        return switch (summary) {
            case "true" -> json -> FhirJson.write(summary(FhirJson.readStored(json)));
            case "text" -> json -> FhirJson.write(text(FhirJson.readStored(json)));
            case "data" -> json -> {
                ObjectNode resource = FhirJson.readStored(json);
                resource.remove("text");
                return FhirJson.write(subsetted(resource));
            };
            default -> throw FhirException.badRequest("_summary must be true, false, text, data or count, not '" + summary + "'");
        };
    }

    private ObjectNode elements(ObjectNode resource, Set<String> names) {
        ElementType type = model.resourceType(resource.path("resourceType").asText());
        ObjectNode result = resource.objectNode();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            Child child = type == null ? null : type.childByJsonName(key.startsWith("_") ? key.substring(1) : key);
            boolean wanted = ALWAYS.contains(key) || names.contains(key) || (child != null && (names.contains(child.elementName()) || child.min() > 0));
            if (wanted) {
                result.set(key, field.getValue());
            }
        }
        return subsetted(result);
    }

    private ObjectNode summary(ObjectNode resource) {
        ElementType type = model.resourceType(resource.path("resourceType").asText());
        return subsetted(type == null ? resource : summaryOf(resource, type, true));
    }

    private ObjectNode summaryOf(ObjectNode object, ElementType type, boolean top) {
        ObjectNode result = object.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            Child child = type.childByJsonName(key.startsWith("_") ? key.substring(1) : key);
            if (top && ALWAYS.contains(key)) {
                result.set(key, field.getValue());
            } else if (child != null && (child.summary() || child.min() > 0)) {
                result.set(key, backbone(child) ? summaryOfValue(field.getValue(), child.type()) : field.getValue());
            }
        }
        return result;
    }

    private JsonNode summaryOfValue(JsonNode value, ElementType type) {
        if (value instanceof ArrayNode array) {
            ArrayNode result = array.arrayNode();
            array.forEach(item -> result.add(item instanceof ObjectNode object ? summaryOf(object, type, false) : item));
            return result;
        }
        return value instanceof ObjectNode object ? summaryOf(object, type, false) : value;
    }

    private static boolean backbone(Child child) {
        return child.type().kind() == ElementType.Kind.COMPLEX && child.type().name().contains(".");
    }

    private ObjectNode text(ObjectNode resource) {
        ElementType type = model.resourceType(resource.path("resourceType").asText());
        ObjectNode result = resource.objectNode();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            Child child = type == null ? null : type.childByJsonName(field.getKey());
            if (ALWAYS.contains(field.getKey()) || field.getKey().equals("text") || (child != null && child.min() > 0)) {
                result.set(field.getKey(), field.getValue());
            }
        }
        return subsetted(result);
    }

    private static ObjectNode subsetted(ObjectNode resource) {
        ObjectNode meta = resource.get("meta") instanceof ObjectNode m ? m : resource.putObject("meta");
        ArrayNode tags = meta.get("tag") instanceof ArrayNode t ? t : meta.putArray("tag");
        for (JsonNode tag : tags) {
            if ("SUBSETTED".equals(tag.path("code").asText()) && SUBSETTED_SYSTEM.equals(tag.path("system").asText())) {
                return resource;
            }
        }
        tags.addObject().put("system", SUBSETTED_SYSTEM).put("code", "SUBSETTED");
        return resource;
    }
}
