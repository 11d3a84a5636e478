package org.joinedup.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Who a signed-in user (page session or bearer token) is, for pages and APIs outside the FHIR API. */
public interface SignedInUsers {

    /** The patient whose record a signed-in patient may see (only when their identity is proofed to P9). */
    Optional<String> patientOf(Authentication authentication);

    /** A member of staff signed in to the pages. */
    record StaffMember(String username, String role, String organization) {
    }

    /** The member of staff behind a page session or token, if it is one. */
    Optional<StaffMember> staffOf(Authentication authentication);

    /** The NHS number of a patient account (by the subject of its tokens), when its identity is proofed to P9. */
    Optional<String> proofedNhsNumber(String subject);

    /** The NHS number of the patient behind a page session or token, when their identity is proofed to P9. */
    Optional<String> proofedNhsNumber(Authentication authentication);

    /** Whether a patient (proofed or not) is signed in. */
    boolean isPatient(Authentication authentication);
}
