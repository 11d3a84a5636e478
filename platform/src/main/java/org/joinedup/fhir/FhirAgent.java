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
 * @param sourceSystem whether the agent is a source system feeding the record (a configured machine client): its
 *                     writes each get a Provenance naming it, unless it sends its own
 */
public record FhirAgent(String who, String kind, String role, String organization, String clientId, String purposeOfUse,
                        java.util.Set<String> breakGlassPatients, boolean sourceSystem) {

    public FhirAgent {
        breakGlassPatients = breakGlassPatients == null ? java.util.Set.of() : java.util.Set.copyOf(breakGlassPatients);
    }

    /** An agent that is not a source system. */
    public FhirAgent(String who, String kind, String role, String organization, String clientId, String purposeOfUse,
                     java.util.Set<String> breakGlassPatients) {
        this(who, kind, role, organization, clientId, purposeOfUse, breakGlassPatients, false);
    }
}
