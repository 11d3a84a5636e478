package org.joinedup.fhir;

/**
 * Where every FHIR interaction is recorded before its answer is sent. It must return only once the record
 * is durable; if it throws, the answer is withheld and the caller is refused (the audit fails closed).
 */
public interface FhirAuditSink {

    void record(FhirInteraction interaction);

    /**
     * Records that a member of staff viewed one of the platform's own pages about records (an operator's or
     * auditor's page), for purpose HOPERAT.
     *
     * @param page the page's path and query, e.g. {@code /staff/matching}
     * @param action what the page is, e.g. {@code page matching-reviews}
     */
    default void pageView(String username, String role, String organization, String page, String action) {
        staffAction(username, role, organization, "GET", page, action);
    }

    /**
     * Records something a member of staff did on one of the platform's own pages that touches no record but
     * decides what they may do (choosing the role they act in), for purpose HOPERAT.
     */
    default void staffAction(String username, String role, String organization, String method, String page, String action) {
        record(new FhirInteraction(new FhirAgent(username, "staff", role, organization, null, "HOPERAT", null), java.time.Instant.now(), method, page,
                action, 200, java.util.List.of(), null));
    }
}
