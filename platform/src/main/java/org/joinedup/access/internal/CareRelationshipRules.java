package org.joinedup.access.internal;

import java.util.List;
import java.util.Set;
import org.joinedup.fhir.CareRelationshipRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What counts as a legitimate relationship between a patient and the people and organisations caring for
 * them: registration with a practice, an open encounter, episode of care, referral, care team or appointment.
 */
@Configuration(proxyBeanMethods = false)
class CareRelationshipRules {

    @Bean
    CareRelationshipRule registered() {
        return new CareRelationshipRule("Patient", "registered",
                List.of("Patient.generalPractitioner", "Patient.managingOrganization"), null, null);
    }

    @Bean
    CareRelationshipRule encounter() {
        return new CareRelationshipRule("Encounter", "encounter",
                List.of("Encounter.serviceProvider", "Encounter.participant.individual", "Encounter.location.location"),
                "Encounter.status", Set.of("planned", "arrived", "triaged", "in-progress", "onleave"));
    }

    @Bean
    CareRelationshipRule episodeOfCare() {
        return new CareRelationshipRule("EpisodeOfCare", "episode",
                List.of("EpisodeOfCare.managingOrganization", "EpisodeOfCare.careManager"),
                "EpisodeOfCare.status", Set.of("planned", "waitlist", "active", "onhold"));
    }

    @Bean
    CareRelationshipRule referral() {
        return new CareRelationshipRule("ServiceRequest", "referral",
                List.of("ServiceRequest.performer", "ServiceRequest.requester"),
                "ServiceRequest.status", Set.of("draft", "active", "on-hold"));
    }

    @Bean
    CareRelationshipRule careTeam() {
        return new CareRelationshipRule("CareTeam", "care-team",
                List.of("CareTeam.participant.member", "CareTeam.participant.onBehalfOf", "CareTeam.managingOrganization"),
                "CareTeam.status", Set.of("proposed", "active", "suspended"));
    }

    @Bean
    CareRelationshipRule appointment() {
        return new CareRelationshipRule("Appointment", "appointment",
                List.of("Appointment.participant.actor"),
                "Appointment.status", Set.of("proposed", "pending", "booked", "arrived", "checked-in", "waitlist"));
    }
}
