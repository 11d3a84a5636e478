package org.joinedup.fhir;

import java.time.Instant;
import java.util.List;

/**
 * One FHIR interaction as the audit records it.
 *
 * @param agent who
 * @param started when the request arrived
 * @param method the HTTP method (or the Bundle entry's)
 * @param url the request path and query below the FHIR base
 * @param interaction read, vread, search, history, create, update, patch, delete, operation, batch, transaction, capabilities
 * @param status the HTTP status answered
 * @param disclosed the resources read, written or returned ({@code Type/id}, with their store keys)
 * @param detail what a refusal or failure said, or null
 */
public record FhirInteraction(FhirAgent agent, Instant started, String method, String url, String interaction, int status,
                              List<Disclosed> disclosed, String detail) {

    /**
     * A resource touched by the interaction and the patients whose compartments hold it ({@code key} is the
     * store's internal key; the store fills {@code patients} in before the audit sees the interaction).
     */
    public record Disclosed(long key, String type, String id, List<String> patients) {
    }
}
