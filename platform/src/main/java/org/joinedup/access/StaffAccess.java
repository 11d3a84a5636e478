package org.joinedup.access;

import org.joinedup.fhir.FhirAccess;

/**
 * What a member of staff signed in to JoinedUp's own pages may do with the record: their role's rules, the
 * records of patients in a care relationship with them or their organisation, and their break-glass grants (the
 * pages act with all of a user's scopes; the role narrows them).
 */
public interface StaffAccess {

    /** The access of a signed-in member of staff; nothing at all if their role is not one of the platform's. */
    FhirAccess of(String username, String role, String organization);

    /**
     * Finding a patient to care for (a demographic trace, as the national Personal Demographics Service gives):
     * Patient resources only, any patient, audited in the member of staff's name. Opening the record needs
     * {@link #of}. Only roles that care for patients may trace.
     */
    FhirAccess trace(String username, String role, String organization);
}
