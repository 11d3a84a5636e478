package org.joinedup.fhir;

import java.util.List;
import java.util.Map;

/**
 * A FHIR operation another module provides ({@code Appointment/$find}, {@code Appointment/{id}/$cancel}), served
 * at {@code /fhir} like the store's own. It is given the caller's access, and does its reads and writes through
 * {@link FhirApi} as them, so the access rules and the audit apply to everything it touches.
 */
public interface FhirOperation {

    /** The "type" of an operation defined at the system level. */
    String SYSTEM = "";

    /** The resource type it is defined on; {@link #SYSTEM} for an operation at the system level ({@code /fhir/$export}). */
    String resourceType();

    /** Its name, without the {@code $}. */
    String name();

    /** The canonical URL of its OperationDefinition, for the CapabilityStatement; null for the platform's own. */
    default String definition() {
        return null;
    }

    /**
     * @param id the instance, for an instance-level call; null at type level
     * @param parameters the query's parameters (a POST's Parameters body is in {@code body})
     * @param body the request body (FHIR JSON), or null
     * @return the answer as the API sends it: a resource, a Bundle, or an OperationOutcome with its status
     */
    FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body);

    /** The same, given the request's headers too (names in lower case), for operations that heed them ({@code Prefer}). */
    default FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body,
                                  Map<String, String> headers) {
        return invoke(caller, method, id, parameters, body);
    }
}
