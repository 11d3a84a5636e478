package org.joinedup.fhir.internal.bundle;

import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.internal.access.Denials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.fhir.internal.rest.FhirRequest;
import org.joinedup.fhir.internal.rest.FhirResponse;
import org.joinedup.fhir.internal.rest.Interactions;
import org.joinedup.fhir.internal.rest.JsonPatcher;
import org.joinedup.fhir.internal.rest.Prefer;
import org.joinedup.fhir.internal.rest.QueryParams;
import org.joinedup.fhir.internal.search.ConditionalMatch;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.StoredResource;
import org.joinedup.fhir.internal.store.VersionFlusher;
import org.joinedup.fhir.internal.store.WriteBatch;
import org.joinedup.fhir.internal.store.WriteContext;
import org.joinedup.fhir.internal.store.WriteResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction Bundle, all or nothing in one database transaction: ids are chosen first (conditional
 * creates and updates resolved), references to entries' fullUrls and conditional references
 * ({@code Patient?identifier=...}) are rewritten, then entries run in FHIR's order (DELETE, POST,
 * PUT/PATCH, GET) and every write goes to the database in a few COPY statements.
 */
public final class TransactionProcessor {

    private final ResourceStore store;
    private final ConditionalMatch conditional;
    private final ReferenceRewriter rewriter;
    private final TransactionTemplate transactions;
    private final VersionFlusher flusher;
    private final JsonPatcher patcher = new JsonPatcher();

    public TransactionProcessor(FhirModel model, ResourceStore store, ConditionalMatch conditional,
                                TransactionTemplate transactions, VersionFlusher flusher) {
        this.store = store;
        this.conditional = conditional;
        this.rewriter = new ReferenceRewriter(model);
        this.transactions = transactions;
        this.flusher = flusher;
    }

    /** One entry as the transaction sees it. */
    private static final class Entry {
        final EntryRequest request;
        final ObjectNode resource;
        final String fullUrl;
        String id;
        StoredResource existing;
        EntryResponse response;

        Entry(EntryRequest request, ObjectNode resource, String fullUrl) {
            this.request = request;
            this.resource = resource;
            this.fullUrl = fullUrl;
        }
    }

    byte[] process(ObjectNode bundle, FhirRequest outer, String base, Interactions interactions) {
        List<Entry> entries = read(bundle);
        WriteContext context = new WriteContext(org.joinedup.fhir.internal.access.Caller.access().agent().who(), outer.header("x-change-reason"));
        // Like HAPI, answer with each entry's status, location and ETag, and the resources only when asked:
        // echoing a 9,000-resource Bundle back costs as much as storing it.
        boolean representation = Prefer.representationRequested(outer);
        return transactions.execute(status -> {
            WriteBatch batch = new WriteBatch();
            Map<String, String> fullUrls = assignIds(entries);
            Map<String, String> resolved = new HashMap<>();
            for (Entry entry : entries) {
                if (entry.resource != null && !entry.request.method().equals("PATCH")) {
                    rewriter.rewrite(entry.resource, reference -> resolve(reference, fullUrls, resolved, entry), fullUrls);
                }
            }
            for (String method : List.of("DELETE", "POST", "PUT", "PATCH")) {
                for (Entry entry : entries) {
                    if (entry.request.method().equals(method)) {
                        entry.response = guarded(entry, () -> write(entry, batch, context));
                    }
                }
            }
            org.joinedup.fhir.internal.store.SourceProvenance.add(batch, store, context);
            batch.flush(flusher);
            for (Entry entry : entries) {
                String method = entry.request.method();
                if (method.equals("GET") || method.equals("HEAD")) {
                    FhirResponse response = interactions.handle(entry.request.toRequest(null, outer.headers()), base);
                    if (response.status() >= 400) {
                        throw new FhirException(response.status(), Issue.error("processing", "Bundle entry " + entry.request.index()
                                + " (" + method + " " + String.join("/", entry.request.path()) + ") failed with " + response.status()));
                    }
                    entry.response = EntryResponse.of(response);
                }
            }
            return EntryResponse.bundle("transaction-response",
                    entries.stream().map(e -> withBase(e.response, base, representation || isRead(e.request))).toList());
        });
    }

    private static List<Entry> read(ObjectNode bundle) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seenFullUrls = new HashMap<>();
        int index = 0;
        for (JsonNode node : bundle.path("entry")) {
            EntryRequest request = EntryRequest.of(index, node);
            if (request.path().isEmpty()) {
                throw FhirException.badRequest("Bundle entry " + index + ": a Bundle cannot be nested in a transaction");
            }
            ObjectNode resource = node.get("resource") instanceof ObjectNode r ? r : null;
            if ((request.method().equals("POST") || request.method().equals("PUT") || request.method().equals("PATCH")) && resource == null) {
                throw FhirException.badRequest("Bundle entry " + index + " (" + request.method() + ") has no resource");
            }
            String fullUrl = node.path("fullUrl").asText(null);
            if (fullUrl != null && seenFullUrls.putIfAbsent(fullUrl, index) != null) {
                throw FhirException.badRequest("Bundle entries " + seenFullUrls.get(fullUrl) + " and " + index + " have the same fullUrl " + fullUrl);
            }
            entries.add(new Entry(request, resource, fullUrl));
            index++;
        }
        return entries;
    }

    /** Chooses every entry's id and maps fullUrls to the references that will replace them. */
    private Map<String, String> assignIds(List<Entry> entries) {
        Map<String, String> fullUrls = new HashMap<>();
        for (Entry entry : entries) {
            EntryRequest request = entry.request;
            String type = request.type();
            guarded(entry, () -> {
                switch (request.method()) {
                    case "POST" -> {
                        String condition = request.headers().get("if-none-exist");
                        List<StoredResource> matches = condition == null ? List.of()
                                : conditional.find(type, QueryParams.ofCondition(condition));
                        if (matches.size() > 1) {
                            throw FhirException.preconditionFailed("ifNoneExist matches more than one " + type + ": " + condition);
                        }
                        entry.existing = matches.isEmpty() ? null : matches.getFirst();
                        entry.id = entry.existing != null ? entry.existing.id() : UUID.randomUUID().toString();
                    }
                    case "PUT" -> {
                        if (request.conditional()) {
                            List<StoredResource> matches = conditional.find(type, request.query());
                            if (matches.size() > 1) {
                                throw FhirException.preconditionFailed("The condition matches more than one " + type);
                            }
                            JsonNode bodyId = entry.resource.get("id");
                            entry.id = !matches.isEmpty() ? matches.getFirst().id() : bodyId != null ? bodyId.asText() : UUID.randomUUID().toString();
                        } else {
                            entry.id = request.id();
                        }
                    }
                    case "PATCH" -> {
                        if (request.conditional()) {
                            List<StoredResource> matches = conditional.find(type, request.query());
                            if (matches.size() != 1) {
                                throw matches.isEmpty() ? FhirException.notFound("No " + type + " matches the condition")
                                        : FhirException.preconditionFailed("The condition matches more than one " + type);
                            }
                            entry.id = matches.getFirst().id();
                        } else {
                            entry.id = request.id();
                        }
                    }
                    default -> entry.id = request.id();
                }
                return null;
            });
            if (entry.fullUrl != null && entry.id != null && type != null) {
                fullUrls.put(entry.fullUrl, type + "/" + entry.id);
            }
        }
        return fullUrls;
    }

    private String resolve(String reference, Map<String, String> fullUrls, Map<String, String> resolved, Entry entry) {
        String mapped = fullUrls.get(reference);
        if (mapped != null) {
            return mapped;
        }
        int question = reference.indexOf('?');
        if (question <= 0 || reference.substring(0, question).contains("/")) {
            return reference;
        }
        return resolved.computeIfAbsent(reference, ref -> {
            String type = ref.substring(0, question);
            List<String> matches = conditional.resolve(type, QueryParams.parse(ref.substring(question + 1)));
            if (matches.size() != 1) {
                throw FhirException.preconditionFailed("Bundle entry " + entry.request.index() + ": the conditional reference "
                        + ref + " matches " + (matches.isEmpty() ? "no" : "more than one") + " resource");
            }
            return type + "/" + matches.getFirst();
        });
    }

    private EntryResponse write(Entry entry, WriteBatch batch, WriteContext context) {
        EntryRequest request = entry.request;
        String type = request.type();
        switch (request.method()) {
            case "POST" -> Denials.requirePermitted(type, FhirAction.CREATE);
            case "PUT", "PATCH" -> Denials.requirePermitted(type, FhirAction.UPDATE);
            case "DELETE" -> Denials.requirePermitted(type, FhirAction.DELETE);
            default -> { }
        }
        if (request.conditional()) {
            Denials.requirePermitted(type, FhirAction.SEARCH);
        }
        return switch (request.method()) {
            case "POST" -> {
                if (entry.existing != null) {
                    yield written(new WriteResult(entry.existing, false, false));
                }
                entry.resource.put("id", entry.id);
                yield written(store.createWithId(batch, type, entry.id, entry.resource, context));
            }
            case "PUT" -> {
                entry.resource.put("id", entry.id);
                yield written(store.update(batch, type, entry.id, entry.resource, request.headers().get("if-match"), context));
            }
            case "DELETE" -> deleted(delete(entry, batch, context));
            case "PATCH" -> written(patcher.patchAndUpdate(store, batch, type, entry.id, JsonPatcher.fromBinary(entry.resource),
                    request.headers().get("if-match"), context));
            default -> throw FhirException.notSupported("Bundle entry " + request.index() + ": " + request.method()
                    + " is not supported in a transaction");
        };
    }

    private Optional<StoredResource> delete(Entry entry, WriteBatch batch, WriteContext context) {
        EntryRequest request = entry.request;
        if (!request.conditional()) {
            return store.delete(batch, request.type(), request.id(), request.headers().get("if-match"), context);
        }
        List<StoredResource> matches = conditional.find(request.type(), request.query());
        if (matches.size() > 1) {
            throw FhirException.preconditionFailed("The condition matches more than one " + request.type() + "; nothing was deleted");
        }
        return matches.isEmpty() ? Optional.empty() : store.delete(batch, request.type(), matches.getFirst().id(), null, context);
    }

    private static EntryResponse written(WriteResult result) {
        StoredResource stored = result.resource();
        return new EntryResponse(result.created() ? 201 : 200, stored.versionedUrl(), stored.etag(),
                stored.lastUpdated().toString(), stored.json(), false);
    }

    private static EntryResponse deleted(Optional<StoredResource> deleted) {
        return deleted.map(d -> new EntryResponse(204, null, d.etag(), d.lastUpdated().toString(), null, false))
                .orElse(new EntryResponse(204, null, null, null, null, false));
    }

    private static boolean isRead(EntryRequest request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    private static EntryResponse withBase(EntryResponse response, String base, boolean representation) {
        String location = response.location() == null || response.location().contains("://") ? response.location()
                : base + "/" + response.location();
        byte[] resource = representation || response.outcome() ? response.resource() : null;
        return new EntryResponse(response.status(), location, response.etag(), response.lastModified(), resource, response.outcome());
    }

    private static <T> T guarded(Entry entry, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (FhirException e) {
            List<Issue> issues = new ArrayList<>();
            for (Issue issue : e.issues()) {
                issues.add(new Issue(issue.severity(), issue.code(), "Bundle entry " + entry.request.index() + ": " + issue.diagnostics(),
                        issue.expression()));
            }
            throw new FhirException(e.status(), issues);
        }
    }
}
