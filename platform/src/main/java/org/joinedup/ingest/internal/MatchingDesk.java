package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * What a reviewer does with the matching queue, for the page and the API alike: see each pair side by side, decide
 * "the same person" (the new record is merged into the one the record held) or "not the same person", and undo a
 * merge. The reviewer acts through the FHIR API in their own name, so every record shown or changed is audited
 * as theirs.
 */
@Component
class MatchingDesk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MatchReviews reviews;
    private final PatientMerges merges;
    private final FhirApi fhir;

    MatchingDesk(MatchReviews reviews, PatientMerges merges, FhirApi fhir) {
        this.reviews = reviews;
        this.merges = merges;
        this.fhir = fhir;
    }

    /** A patient as a reviewer compares them. */
    record PatientSummary(String id, String name, String birthDate, String gender, String postcode, String nhsNumber, List<String> identifiers,
                          String source, boolean active) {
    }

    /** A pair waiting for a decision. */
    record Pair(MatchReviews.Review review, PatientSummary newRecord, PatientSummary candidate) {
    }

    List<Pair> openPairs(FhirAccess reviewer, int limit) {
        List<Pair> pairs = new ArrayList<>();
        for (MatchReviews.Review review : reviews.open(limit)) {
            pairs.add(new Pair(review, summary(reviewer, review.newPatient()), summary(reviewer, review.candidate())));
        }
        return pairs;
    }

    /**
     * Records a reviewer's decision: "same" merges the new record into the candidate; "different" keeps them apart.
     * Returns the merge's id, or null.
     */
    Long decide(long reviewId, boolean same, FhirAccess reviewer) {
        MatchReviews.Review review = reviews.find(reviewId).orElseThrow(() -> new PatientMerges.Missing("There is no review " + reviewId));
        if (!"open".equals(review.status())) {
            throw new PatientMerges.Refused("Review " + reviewId + " was already decided (" + review.status() + ")");
        }
        Long mergeId = same ? merges.merge(review.candidate(), review.newPatient(), "Reviewer's decision on review " + reviewId, reviewer) : null;
        reviews.decide(reviewId, same ? "merged" : "kept-apart", reviewer.agent().who(), mergeId);
        return mergeId;
    }

    void undo(long mergeId, String why, FhirAccess reviewer) {
        if (why == null || why.isBlank()) {
            throw new PatientMerges.Refused("Say why the merge is being undone");
        }
        merges.undo(mergeId, why.strip(), reviewer);
    }

    List<PatientMerges.Merge> recentMerges(int limit) {
        return merges.recent(limit);
    }

    int openCount() {
        return reviews.openCount();
    }

    /** A staff member acting on the record for data quality: their name in the audit, the platform's reach. */
    static FhirAccess reviewer(String who, String role, String organisation, String clientId) {
        return new FhirAccess(new FhirAgent(who, "staff", role, organisation, clientId, "HOPERAT", null), FhirAccess.SYSTEM.permissions(),
                FhirAccess.SYSTEM.visibility(), false);
    }

    private PatientSummary summary(FhirAccess reviewer, String id) {
        FhirApi.Answer answer = fhir.handle(reviewer, "GET", "Patient/" + id, null);
        JsonNode p;
        try {
            p = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (answer.status() != 200) {
            return new PatientSummary(id, "(not readable: " + answer.status() + ")", null, null, null, null, List.of(), null, false);
        }
        JsonNode name = p.path("name").path(0);
        List<String> given = new ArrayList<>();
        name.path("given").forEach(g -> given.add(g.asText()));
        List<String> identifiers = new ArrayList<>();
        p.path("identifier").forEach(i -> identifiers.add(i.path("system").asText().replaceFirst(".*/", "") + " " + i.path("value").asText()));
        String nhs = DemographicScore.nhsNumber(p);
        return new PatientSummary(id, name.path("family").asText("").toUpperCase(java.util.Locale.ROOT) + ", " + String.join(" ", given),
                p.path("birthDate").asText(null), p.path("gender").asText(null), p.at("/address/0/postalCode").asText(null),
                nhs == null ? null : org.joinedup.shared.NhsNumber.parse(nhs).map(org.joinedup.shared.NhsNumber::formatted).orElse(nhs), identifiers,
                p.at("/meta/source").asText(null), p.path("active").asBoolean(true));
    }
}
