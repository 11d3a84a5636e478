package org.joinedup.fhir.internal.param;

import java.util.List;
import org.joinedup.fhir.internal.path.PathExpression;

/**
 * One distinct set of values the index stores for a resource type: one branch of a search parameter's
 * expression, read as one parameter type. Parameters that share a branch share its rows: Observation's
 * {@code code} and {@code combo-code} both cover {@code Observation.code}, and {@code patient} is
 * {@code subject} restricted to Patients, so each is evaluated and stored once.
 *
 * @param id the key of the rows in the index tables
 * @param patientCompartment whether a Patient reference found here places the resource in that patient's compartment
 * @param components for composites, the parts (relative to the branch's elements)
 */
public record IndexKey(int id, String resourceType, ParamType type, PathExpression expression, boolean patientCompartment,
                       List<SearchParam.Component> components) {

    /** The key of a variant of these values ({@code identifier} of a reference, {@code of-type} of an identifier). */
    public int variant(String name) {
        return ParamIds.of(resourceType, "variant:" + name + ":" + id);
    }

    IndexKey withPatientCompartment() {
        return new IndexKey(id, resourceType, type, expression, true, components);
    }
}
