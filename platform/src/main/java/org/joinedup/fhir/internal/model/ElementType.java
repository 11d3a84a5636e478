package org.joinedup.fhir.internal.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A FHIR type as the store needs it: a primitive, a complex type or backbone element with its children,
 * or a resource. Built once from HAPI's R4 definitions by {@link FhirModel}.
 */
public final class ElementType {

    /** What sort of type this is. */
    public enum Kind { PRIMITIVE, COMPLEX, RESOURCE, ANY_RESOURCE }

    private final String name;
    private final Kind kind;
    private final Primitive primitive;
    private final Map<String, Child> childrenByJsonName = new LinkedHashMap<>();
    private final Map<String, List<Child>> childrenByElementName = new LinkedHashMap<>();

    ElementType(String name, Kind kind, Primitive primitive) {
        this.name = name;
        this.kind = kind;
        this.primitive = primitive;
    }

    void addChild(Child child) {
        childrenByJsonName.put(child.jsonName(), child);
        childrenByElementName.computeIfAbsent(child.elementName(), k -> new java.util.ArrayList<>()).add(child);
    }

    void freeze() {
        childrenByElementName.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The type name: {@code Quantity}, {@code dateTime}, {@code Observation}, or a backbone path such as {@code Observation.component}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPrimitive() {
        return kind == Kind.PRIMITIVE;
    }

    public Primitive primitive() {
        return primitive;
    }

    /** The child for a JSON property name, or null if the type has no such property. */
    public Child childByJsonName(String jsonName) {
        return childrenByJsonName.get(jsonName);
    }

    /** The children (one, or one per type for a choice) for an element name as FHIRPath names it. */
    public List<Child> childrenByElementName(String elementName) {
        return childrenByElementName.getOrDefault(elementName, List.of());
    }

    public Collection<Child> children() {
        return childrenByJsonName.values();
    }

    public Collection<List<Child>> elements() {
        return childrenByElementName.values();
    }

    @Override
    public String toString() {
        return name;
    }
}
