package org.joinedup.fhir;

import jakarta.servlet.http.HttpServletRequest;

/** Decides, from an authenticated HTTP request, what its caller may do; provided by the access module. */
public interface FhirAccessResolver {

    FhirAccess resolve(HttpServletRequest request);
}
