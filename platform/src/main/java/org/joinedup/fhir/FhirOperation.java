package org.joinedup.fhir;

import java.util.List;
import java.util.Map;

/**
 * A FHIR operation another module provides ({@code Appointment/$find}, {@code Appointment/{id}/$cancel}), served
 * at {@code /fhir} like the store's own. It is given the caller's access, and does its reads and writes through
 * {@link FhirApi} as them, so the access rules and the audit apply to everything it touches.
 */
public interface FhirOperation {

    /** The resource type it is defined on. */
    String resourceType();

    /** Its name, without the {@code $}. */
    String name();

    /**
     * @param id the instance, for an instance-level call; null at type level
     * @param parameters the query's parameters (a POST's Parameters body is in {@code body})
     * @param body the request body (FHIR JSON), or null
     * @return the answer as the API sends it: a resource, a Bundle, or an OperationOutcome with its status
     */
    FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body);
}
