package org.joinedup.fhir.internal.param;

import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.path.PathExpression;

/**
 * A search parameter as it applies to one resource type.
 *
 * @param resourceType the type searched
 * @param code the name used in URLs
 * @param type the parameter type
 * @param expression the FHIRPath selecting the values, narrowed to this type (null for columns such as _id)
 * @param expressionText the FHIRPath as published
 * @param targets for references, the resource types that may be referred to
 * @param keys the index keys holding this parameter's values (one per expression branch)
 * @param resolveTypes for references written {@code .where(resolve() is X)}, the types X the stored values
 *                     must have, since the rows are shared with the unrestricted branch; null otherwise
 * @param components for composites, the parts in order
 * @param url the canonical URL of the SearchParameter
 * @param description the published description
 */
public record SearchParam(String resourceType, String code, ParamType type, PathExpression expression,
                          String expressionText, Set<String> targets, List<IndexKey> keys, Set<String> resolveTypes,
                          List<Component> components, String url, String description) {

    /** One part of a composite: the parameter type that defines it, and its FHIRPath relative to the composite's element. */
    public record Component(ParamType type, PathExpression expression, String expressionText) {
    }

    /** The index keys of this parameter's values. */
    public List<Integer> keyIds() {
        return keys.stream().map(IndexKey::id).toList();
    }

    /** The index keys of a variant of this parameter's values ({@code identifier}, {@code of-type}). */
    public List<Integer> variantIds(String variant) {
        return keys.stream().map(k -> k.variant(variant)).toList();
    }

    /** Whether every value of this parameter places the resource in the referenced patient's compartment. */
    public boolean allKeysInPatientCompartment() {
        return !keys.isEmpty() && keys.stream().allMatch(IndexKey::patientCompartment);
    }
}
