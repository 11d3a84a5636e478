package org.joinedup.fhir;

import java.util.Set;

/**
 * Which patients' records a caller may see, applied inside every query so that counts and pages never
 * show what is hidden. Resources outside every patient compartment (organisations, practitioners,
 * medications) are visible to anyone allowed the type.
 *
 * @param allPatients whether every patient's record is visible (systems, operators)
 * @param patients ids of patients whose records are visible (their own, those they are proxy for, break-glass)
 * @param parties references ({@code Organization/x}, {@code Practitioner/y}) whose care relationships make a
 *                patient's record visible
 * @param hiddenLabels security label codes ({@code meta.security}) whose resources are hidden
 */
public record Visibility(boolean allPatients, Set<String> patients, Set<String> parties, Set<String> hiddenLabels) {

    public static final Visibility EVERYTHING = new Visibility(true, Set.of(), Set.of(), Set.of());

    public Visibility {
        patients = Set.copyOf(patients);
        parties = Set.copyOf(parties);
        hiddenLabels = Set.copyOf(hiddenLabels);
    }

    /** Whether the caller sees every record in full, so that queries need no filter. */
    public boolean unrestricted() {
        return allPatients && hiddenLabels.isEmpty();
    }
}
