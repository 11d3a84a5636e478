package org.joinedup.fhir;

import java.util.List;
import java.util.Set;

/**
 * How a resource establishes a care relationship between its patient and the parties caring for them: the
 * references that name the parties, and, for resources with a lifecycle, the statuses in which it holds.
 * The store derives relationships when the resource is written, in the same transaction.
 *
 * @param resourceType the type that establishes it (Encounter, EpisodeOfCare, CareTeam, ...)
 * @param kind a name for the relationship (registered, encounter, episode, referral, care-team, appointment)
 * @param partyPaths FHIRPath expressions of the references naming the parties
 * @param statusPath the FHIRPath of the status, or null when the relationship has no lifecycle
 * @param activeStatuses the statuses in which the relationship holds (a missing status holds too)
 */
public record CareRelationshipRule(String resourceType, String kind, List<String> partyPaths, String statusPath,
                                   Set<String> activeStatuses) {

    public CareRelationshipRule {
        partyPaths = List.copyOf(partyPaths);
        activeStatuses = activeStatuses == null ? Set.of() : Set.copyOf(activeStatuses);
    }
}
