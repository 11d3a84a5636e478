package org.joinedup.access;

import org.joinedup.fhir.FhirAccess;
import org.springframework.security.core.Authentication;

/**
 * What a patient signed in to the portal may do with the record: read their own (identity proofed to P9) and
 * those whose owners have named them a proxy, and make the few writes patients make (questionnaire answers, their
 * own observations, replies to appointments...), as a patient's SMART scopes would allow.
 */
public interface PatientAccess {

    /** The portal user's access; it sees no record at all if they have none (not proofed, or no record found). */
    FhirAccess of(Authentication authentication);
}
