package org.joinedup.fhir.internal.store;

/**
 * Who is writing and why, recorded on every version.
 *
 * @param changedBy the user or system making the change, or null when unknown
 * @param reason why, when given
 */
public record WriteContext(String changedBy, String reason) {

    public static final WriteContext ANONYMOUS = new WriteContext(null, null);
}
