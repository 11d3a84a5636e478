package org.joinedup.fhir.internal.param;

import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.path.PathExpression;

/**
 * A search parameter as it applies to one resource type.
 *
 * @param id the parameter's key in the index tables, stable across databases and restarts
 * @param resourceType the type searched
 * @param code the name used in URLs
 * @param type the parameter type
 * @param expression the FHIRPath selecting the values, already narrowed to this type (null for columns such as _id)
 * @param expressionText the FHIRPath as published
 * @param targets for references, the resource types that may be referred to
 * @param patientCompartment whether a Patient this parameter refers to has the resource in its compartment
 * @param components for composites, the parts in order
 * @param url the canonical URL of the SearchParameter
 * @param description the published description
 */
public record SearchParam(int id, String resourceType, String code, ParamType type, PathExpression expression,
                          String expressionText, Set<String> targets, boolean patientCompartment,
                          List<Component> components, String url, String description) {

    /** One part of a composite: the parameter that defines its type, and its FHIRPath relative to the composite's element. */
    public record Component(ParamType type, PathExpression expression, String expressionText) {
    }

    /** The index key for a variant of this parameter ({@code :identifier} of a reference, {@code :of-type} of an identifier). */
    public int variantId(String variant) {
        return ParamIds.of(resourceType, code + ":" + variant);
    }
}
