package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Outcomes;
import org.joinedup.fhir.internal.search.ConditionalMatch;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.StoredResource;
import org.joinedup.fhir.internal.store.VersionFlusher;
import org.joinedup.fhir.internal.store.WriteBatch;
import org.joinedup.fhir.internal.store.WriteContext;
import org.joinedup.fhir.internal.store.WriteResult;
import org.springframework.transaction.support.TransactionTemplate;

/** create, update, patch and delete, plain and conditional, each in one database transaction. */
final class WriteHandler {

    private final ResourceStore store;
    private final BodyParser bodies;
    private final ConditionalMatch conditional;
    private final JsonPatcher patcher;
    private final TransactionTemplate transactions;
    private final VersionFlusher flusher;

    WriteHandler(ResourceStore store, BodyParser bodies, ConditionalMatch conditional, TransactionTemplate transactions,
                 VersionFlusher flusher) {
        this.store = store;
        this.bodies = bodies;
        this.conditional = conditional;
        this.patcher = new JsonPatcher();
        this.transactions = transactions;
        this.flusher = flusher;
    }

    FhirResponse create(FhirRequest request, String base, String type) {
        ObjectNode resource = bodies.resource(request);
        String ifNoneExist = request.header("if-none-exist");
        WriteResult result = inTransaction(batch -> {
            if (ifNoneExist != null && !ifNoneExist.isBlank()) {
                List<StoredResource> matches = conditional.find(type, QueryParams.ofCondition(ifNoneExist));
                if (matches.size() > 1) {
                    throw FhirException.preconditionFailed("If-None-Exist matches more than one " + type + ": " + ifNoneExist);
                }
                if (matches.size() == 1) {
                    return new WriteResult(matches.getFirst(), false, false);
                }
            }
            return store.create(batch, type, resource, context(request));
        });
        return written(request, base, result);
    }

    FhirResponse update(FhirRequest request, String base, String type, String id) {
        ObjectNode resource = bodies.resource(request);
        WriteResult result = inTransaction(batch ->
                store.update(batch, type, id, resource, request.header("if-match"), context(request)));
        return written(request, base, result);
    }

    FhirResponse conditionalUpdate(FhirRequest request, String base, String type) {
        ObjectNode resource = bodies.resource(request);
        WriteResult result = inTransaction(batch -> {
            List<StoredResource> matches = conditional.find(type, request.query());
            if (matches.size() > 1) {
                throw FhirException.preconditionFailed("The condition matches more than one " + type);
            }
            JsonNode bodyId = resource.get("id");
            if (matches.isEmpty()) {
                return bodyId == null ? store.create(batch, type, resource, context(request))
                        : store.update(batch, type, bodyId.asText(), resource, null, context(request));
            }
            String id = matches.getFirst().id();
            if (bodyId != null && !bodyId.asText().equals(id)) {
                throw FhirException.badRequest("The id in the resource (" + bodyId.asText() + ") is not that of the matching " + type + " (" + id + ")");
            }
            resource.put("id", id);
            return store.update(batch, type, id, resource, request.header("if-match"), context(request));
        });
        return written(request, base, result);
    }

    FhirResponse patch(FhirRequest request, String base, String type, String id) {
        JsonNode operations = patchDocument(request);
        WriteResult result = inTransaction(batch -> patch(batch, type, id, operations, request.header("if-match"), context(request)));
        return written(request, base, result);
    }

    FhirResponse conditionalPatch(FhirRequest request, String base, String type) {
        JsonNode operations = patchDocument(request);
        WriteResult result = inTransaction(batch -> {
            List<StoredResource> matches = conditional.find(type, request.query());
            if (matches.size() != 1) {
                throw matches.isEmpty() ? FhirException.notFound("No " + type + " matches the condition")
                        : FhirException.preconditionFailed("The condition matches more than one " + type);
            }
            return patch(batch, type, matches.getFirst().id(), operations, request.header("if-match"), context(request));
        });
        return written(request, base, result);
    }

    private WriteResult patch(WriteBatch batch, String type, String id, JsonNode operations, String ifMatch, WriteContext context) {
        return patcher.patchAndUpdate(store, batch, type, id, operations, ifMatch, context);
    }

    private static JsonNode patchDocument(FhirRequest request) {
        if (!MediaTypes.JSON_PATCH.equals(request.contentType())) {
            throw new FhirException(415, org.joinedup.fhir.internal.outcome.Issue.error("not-supported",
                    "PATCH takes a JSON Patch document (Content-Type: application/json-patch+json)"));
        }
        return FhirJson.parseAny(request.body());
    }

    FhirResponse delete(FhirRequest request, String type, String id) {
        Optional<StoredResource> deleted = inTransaction(batch ->
                store.delete(batch, type, id, request.header("if-match"), context(request)));
        return deleted(deleted);
    }

    FhirResponse conditionalDelete(FhirRequest request, String type) {
        Optional<StoredResource> deleted = inTransaction(batch -> {
            List<StoredResource> matches = conditional.find(type, request.query());
            if (matches.size() > 1) {
                throw FhirException.preconditionFailed("The condition matches more than one " + type + "; nothing was deleted");
            }
            return matches.isEmpty() ? Optional.<StoredResource>empty()
                    : store.delete(batch, type, matches.getFirst().id(), null, context(request));
        });
        return deleted(deleted);
    }

    private FhirResponse deleted(Optional<StoredResource> deleted) {
        if (deleted.isEmpty()) {
            return FhirResponse.of(200, Outcomes.information("Nothing to delete: no such resource, or already deleted"));
        }
        StoredResource version = deleted.get();
        return FhirResponse.of(200, Outcomes.information("Deleted " + version.relativeUrl() + " (version " + version.version()
                + " records the deletion; earlier versions remain in its history)")).header("ETag", version.etag());
    }

    private <T> T inTransaction(Function<WriteBatch, T> work) {
        return transactions.execute(status -> {
            WriteBatch batch = new WriteBatch();
            T result = work.apply(batch);
            org.joinedup.fhir.internal.store.SourceProvenance.add(batch, store,
                    new WriteContext(org.joinedup.fhir.internal.access.Caller.access().agent().who(), null));
            batch.flush(flusher);
            return result;
        });
    }

    static FhirResponse written(FhirRequest request, String base, WriteResult result) {
        StoredResource stored = result.resource();
        int status = result.created() ? 201 : 200;
        Prefer prefer = Prefer.of(request);
        FhirResponse response;
        if (prefer.minimal()) {
            response = FhirResponse.of(status, (byte[]) null);
        } else if (prefer.outcome()) {
            response = FhirResponse.of(status, Outcomes.information((result.created() ? "Created " : result.changed() ? "Updated " : "Unchanged ")
                    + stored.versionedUrl()));
        } else {
            response = FhirResponse.of(status, stored.json());
        }
        response.withVersionHeaders(stored).header(result.created() ? "Location" : "Content-Location", base + "/" + stored.versionedUrl());
        return response;
    }

    static WriteContext context(FhirRequest request) {
        return new WriteContext(org.joinedup.fhir.internal.access.Caller.access().agent().who(), request.header("x-change-reason"));
    }
}
