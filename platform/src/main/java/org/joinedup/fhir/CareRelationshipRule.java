package org.joinedup.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a resource establishes a care relationship between its patient and the parties caring for them: the
 * references that name the parties, and the conditions (a status, a type) under which it holds. The store
 * derives relationships when the resource is written, in the same transaction.
 * <p>
 * The kind {@value #OBJECTION} is special: it records a patient's objection to sharing, and its parties are
 * the only ones whose relationships still count for that patient.
 *
 * @param resourceType the type that establishes it (Encounter, EpisodeOfCare, CareTeam, ...)
 * @param kind a name for the relationship (registered, encounter, episode, referral, care-team, appointment)
 * @param partyPaths FHIRPath expressions of the references naming the parties
 * @param conditions for each FHIRPath, the values its first value must have; empty for none
 */
public record CareRelationshipRule(String resourceType, String kind, List<String> partyPaths, Map<String, Set<String>> conditions) {

    public static final String OBJECTION = "objection";

    public CareRelationshipRule {
        partyPaths = List.copyOf(partyPaths);
        conditions = Map.copyOf(conditions);
    }
}
