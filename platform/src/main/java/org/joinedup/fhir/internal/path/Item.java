package org.joinedup.fhir.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.fhir.internal.model.Child;
import org.joinedup.fhir.internal.model.ElementType;

/**
 * One value in a FHIRPath collection: a JSON node with its FHIR type, and the child definition it was
 * reached through (null at the root). {@code resolve()} yields an item with no node whose
 * {@code resolvedType} names the referenced resource type.
 */
public record Item(JsonNode node, ElementType type, String resolvedType, Child via) {

    public Item(JsonNode node, ElementType type) {
        this(node, type, null, null);
    }

    public Item(JsonNode node, Child via) {
        this(node, via.type(), null, via);
    }

    public String typeName() {
        return resolvedType != null ? resolvedType : type.name();
    }
}
