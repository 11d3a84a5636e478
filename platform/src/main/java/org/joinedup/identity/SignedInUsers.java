package org.joinedup.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Who a signed-in user (page session or bearer token) is, for pages and APIs outside the FHIR API. */
public interface SignedInUsers {

    /** The patient whose record a signed-in patient may see (only when their identity is proofed to P9). */
    Optional<String> patientOf(Authentication authentication);

    /** The NHS number of a patient account (by the subject of its tokens), when its identity is proofed to P9. */
    Optional<String> proofedNhsNumber(String subject);
}
