package org.joinedup.access.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.CareRelationshipRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What counts as a legitimate relationship between a patient and the people and organisations caring for
 * them: registration with a practice, an open encounter, episode of care, referral, care team or appointment.
 * And a patient's objection to sharing: an active privacy Consent that denies, recorded by an organisation,
 * leaves only that organisation's relationships standing.
 */
@Configuration(proxyBeanMethods = false)
class CareRelationshipRules {

    @Bean
    CareRelationshipRule registered() {
        return new CareRelationshipRule("Patient", "registered",
                List.of("Patient.generalPractitioner", "Patient.managingOrganization"), Map.of());
    }

    @Bean
    CareRelationshipRule encounter() {
        return new CareRelationshipRule("Encounter", "encounter",
                List.of("Encounter.serviceProvider", "Encounter.participant.individual", "Encounter.location.location"),
                Map.of("Encounter.status", Set.of("planned", "arrived", "triaged", "in-progress", "onleave")));
    }

    @Bean
    CareRelationshipRule episodeOfCare() {
        return new CareRelationshipRule("EpisodeOfCare", "episode",
                List.of("EpisodeOfCare.managingOrganization", "EpisodeOfCare.careManager"),
                Map.of("EpisodeOfCare.status", Set.of("planned", "waitlist", "active", "onhold")));
    }

    @Bean
    CareRelationshipRule referral() {
        return new CareRelationshipRule("ServiceRequest", "referral",
                List.of("ServiceRequest.performer", "ServiceRequest.requester"),
                Map.of("ServiceRequest.status", Set.of("draft", "active", "on-hold")));
    }

    @Bean
    CareRelationshipRule careTeam() {
        return new CareRelationshipRule("CareTeam", "care-team",
                List.of("CareTeam.participant.member", "CareTeam.participant.onBehalfOf", "CareTeam.managingOrganization"),
                Map.of("CareTeam.status", Set.of("proposed", "active", "suspended")));
    }

    @Bean
    CareRelationshipRule appointment() {
        return new CareRelationshipRule("Appointment", "appointment",
                List.of("Appointment.participant.actor"),
                Map.of("Appointment.status", Set.of("proposed", "pending", "booked", "arrived", "checked-in", "waitlist")));
    }

    @Bean
    CareRelationshipRule objectionToSharing() {
        return new CareRelationshipRule("Consent", CareRelationshipRule.OBJECTION,
                List.of("Consent.organization"),
                Map.of("Consent.status", Set.of("active"), "Consent.provision.type", Set.of("deny"),
                        "Consent.scope.coding.code", Set.of("patient-privacy")));
    }
}
