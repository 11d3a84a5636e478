package org.joinedup.fhir;

/**
 * Who is acting, as the audit records it.
 *
 * @param who the user's or client's stable id (the token subject)
 * @param kind staff, patient or system
 * @param role the user's role, or null
 * @param organization the ODS code of the user's organisation, or null
 * @param clientId the OAuth client used
 * @param purposeOfUse why, usually (a v3 PurposeOfUse code: TREAT, PATRQT, HOPERAT); ETREAT replaces it for break-glass patients
 * @param breakGlassPatients the patients whose records the agent holds break-glass grants for
 */
public record FhirAgent(String who, String kind, String role, String organization, String clientId, String purposeOfUse,
                        java.util.Set<String> breakGlassPatients) {

    public FhirAgent {
        breakGlassPatients = breakGlassPatients == null ? java.util.Set.of() : java.util.Set.copyOf(breakGlassPatients);
    }
}
