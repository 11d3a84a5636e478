package org.joinedup.fhir;

/**
 * What the caller of one FHIR interaction may do: which types and actions their scopes and role allow, and
 * which records they may see.
 *
 * @param agent who is acting, for the audit and the version history
 * @param permissions the types and actions allowed
 * @param visibility the records visible
 * @param relationshipRequired whether a refusal for want of a care relationship may be overcome by break-glass
 */
public record FhirAccess(FhirAgent agent, Permissions permissions, Visibility visibility, boolean relationshipRequired) {

    /** The rules of an internal caller acting for the platform itself. */
    public static final FhirAccess SYSTEM = new FhirAccess(new FhirAgent("joinedup", "system", null, null, null, "HOPERAT", null),
            (type, action) -> true, Visibility.EVERYTHING, false);

    /** Whether an action on a resource type is allowed. */
    @FunctionalInterface
    public interface Permissions {
        boolean allows(String resourceType, FhirAction action);
    }
}
