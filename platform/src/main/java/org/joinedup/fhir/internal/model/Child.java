package org.joinedup.fhir.internal.model;

/**
 * One JSON property an element may have.
 *
 * @param jsonName the property name in JSON ({@code valueQuantity})
 * @param elementName the element's name in the definition and in FHIRPath ({@code value})
 * @param type the property's type
 * @param repeating whether the JSON value is an array
 * @param min the minimum cardinality of the element (for a choice, of the whole choice)
 * @param summary whether the element is part of the summary view
 * @param choice whether the element is a choice ({@code value[x]})
 * @param codeSystems for a code bound to a FHIR value set, the code system of each code ({@code male} to
 *                    {@code http://hl7.org/fhir/administrative-gender}); otherwise empty
 */
public record Child(String jsonName, String elementName, ElementType type, boolean repeating, int min,
                    boolean summary, boolean choice, java.util.Map<String, String> codeSystems) {

    public Child(String jsonName, String elementName, ElementType type, boolean repeating, int min,
                 boolean summary, boolean choice) {
        this(jsonName, elementName, type, repeating, min, summary, choice, java.util.Map.of());
    }
}
