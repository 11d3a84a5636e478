package org.joinedup.fhir;

/**
 * Who is acting, as the audit records it.
 *
 * @param who the user's or client's stable id (the token subject)
 * @param kind staff, patient or system
 * @param role the user's role, or null
 * @param organization the ODS code of the user's organisation, or null
 * @param clientId the OAuth client used
 * @param purposeOfUse why (a v3 PurposeOfUse code: TREAT, ETREAT for break-glass, ...)
 */
public record FhirAgent(String who, String kind, String role, String organization, String clientId, String purposeOfUse) {
}
