package org.joinedup.fhir.internal.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.rest.BodyParser;
import org.joinedup.fhir.internal.rest.FhirRequest;
import org.joinedup.fhir.internal.rest.FhirResponse;
import org.joinedup.fhir.internal.rest.Interactions;
import org.joinedup.fhir.internal.rest.Prefer;

/**
 * POST of a Bundle to the base: a batch (each entry on its own, one response entry per request entry) or a
 * transaction (all entries or none; see {@link TransactionProcessor}).
 */
public final class BundleProcessor {

    private final BodyParser bodies;
    private final TransactionProcessor transactions;

    public BundleProcessor(BodyParser bodies, TransactionProcessor transactions) {
        this.bodies = bodies;
        this.transactions = transactions;
    }

    public FhirResponse process(FhirRequest request, String base, Interactions interactions) {
        ObjectNode bundle = bodies.resource(request);
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw FhirException.badRequest("POST to the base takes a Bundle of type batch or transaction, not a "
                    + bundle.path("resourceType").asText());
        }
        String type = bundle.path("type").asText();
        return switch (type) {
            case "batch" -> FhirResponse.of(200, batch(bundle, request, base, interactions));
            case "transaction" -> FhirResponse.of(200, transactions.process(bundle, request, base, interactions));
            default -> throw FhirException.badRequest("POST to the base takes a Bundle of type batch or transaction, not '" + type + "'");
        };
    }

    private byte[] batch(ObjectNode bundle, FhirRequest outer, String base, Interactions interactions) {
        List<EntryResponse> responses = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : bundle.path("entry")) {
            responses.add(batchEntry(index++, entry, outer, base, interactions));
        }
        return EntryResponse.bundle("batch-response", responses);
    }

    private EntryResponse batchEntry(int index, JsonNode entry, FhirRequest outer, String base, Interactions interactions) {
        EntryRequest request;
        try {
            request = EntryRequest.of(index, entry);
        } catch (FhirException e) {
            return EntryResponse.of(FhirResponse.error(e));
        }
        if (request.path().isEmpty()) {
            return EntryResponse.of(FhirResponse.error(FhirException.badRequest("Bundle entry " + index + ": a Bundle cannot be nested in a batch")));
        }
        ObjectNode resource = entry.get("resource") instanceof ObjectNode r ? r : null;
        EntryResponse response = EntryResponse.of(interactions.handle(request.toRequest(resource, outer.headers()), base));
        boolean keepResource = response.outcome() || request.method().equals("GET") || Prefer.representationRequested(outer);
        return keepResource ? response : new EntryResponse(response.status(), response.location(), response.etag(),
                response.lastModified(), null, false);
    }
}
