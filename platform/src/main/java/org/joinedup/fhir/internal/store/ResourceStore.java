package org.joinedup.fhir.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.Denials;
import java.util.UUID;
import java.util.regex.Pattern;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.store.ResourcePreparer.Prepared;

/**
 * The store's instance interactions (read, vread, create, update, delete) with FHIR's rules for ids,
 * versions and ETags. Writes go into a {@link WriteBatch}; the caller's transaction flushes it.
 */
public final class ResourceStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final ResourceDao dao;
    private final ResourcePreparer preparer;

    public ResourceStore(ResourceDao dao, ResourcePreparer preparer) {
        this.dao = dao;
        this.preparer = preparer;
    }

    public ResourceDao dao() {
        return dao;
    }

    /** The current version; 404 if there never was one, 410 if it is deleted. */
    public StoredResource read(String type, String id) {
        requireValidId(id);
        StoredResource current = dao.current(type, id)
                .orElseThrow(() -> FhirException.notFound("There is no " + type + " with id '" + id + "'"));
        requireVisible(current.pk(), type, id);
        if (current.deleted()) {
            throw FhirException.gone(type + "/" + id + " was deleted (version " + current.version() + ")");
        }
        return current;
    }

    /** Throws (403 or 404, see {@link Denials#hidden}) unless the caller may see the stored resource. */
    private void requireVisible(long pk, String type, String id) {
        List<String> hiddenPatients = dao.hiddenFrom(pk);
        if (hiddenPatients != null) {
            throw Denials.hidden(type, id, hiddenPatients);
        }
    }

    /** Throws 403 unless the caller could see the version about to be written. */
    private void requireVisible(String type, Prepared prepared) {
        if (!dao.wouldBeVisible(prepared.rows().patients, prepared.rows().labels)) {
            throw Denials.cannotWrite(type);
        }
    }

    public StoredResource vread(String type, String id, String versionId) {
        requireValidId(id);
        int version;
        try {
            version = Integer.parseInt(versionId);
        } catch (NumberFormatException e) {
            throw FhirException.notFound("There is no version '" + versionId + "' of " + type + "/" + id);
        }
        StoredResource stored = dao.version(type, id, version)
                .orElseThrow(() -> FhirException.notFound("There is no version " + versionId + " of " + type + "/" + id));
        requireVisible(stored.pk(), type, id);
        if (stored.deleted()) {
            throw FhirException.gone("Version " + versionId + " of " + type + "/" + id + " is a deletion");
        }
        return stored;
    }

    /** Creates a resource with a new server-assigned id (any id in the body is replaced, as FHIR allows). */
    public WriteResult create(WriteBatch batch, String type, ObjectNode resource, WriteContext context) {
        requireType(type, resource);
        String id = UUID.randomUUID().toString();
        batch.claim(type, id);
        return create(batch, type, id, resource, context, "POST");
    }

    /** Creates a resource with a given id, for transactions that have already chosen it. */
    public WriteResult createWithId(WriteBatch batch, String type, String id, ObjectNode resource, WriteContext context) {
        requireType(type, resource);
        batch.claim(type, id);
        return create(batch, type, id, resource, context, "POST");
    }

    /** Writes version 1; the caller has claimed the id in the batch. */
    private WriteResult create(WriteBatch batch, String type, String id, ObjectNode resource, WriteContext context, String method) {
        Instant now = now();
        Prepared prepared = preparer.prepare(resource, id, 1, now);
        requireVisible(type, prepared);
        Caller.wrote(type, id, prepared.rows().patients);
        NewVersion version = new NewVersion(0, type, id, 1, now, method, prepared.json(), prepared.rows(), true,
                context.changedBy(), context.reason(), prepared.references());
        batch.add(version);
        return new WriteResult(version.stored(), true, true);
    }

    /**
     * Updates (or, with a client-chosen id, creates) a resource. {@code ifMatch} is the ETag the client
     * last saw, or null. An update that changes nothing writes no new version.
     */
    public WriteResult update(WriteBatch batch, String type, String id, ObjectNode resource, String ifMatch, WriteContext context) {
        requireType(type, resource);
        requireValidId(id);
        JsonNode bodyId = resource.get("id");
        if (bodyId == null || !bodyId.isTextual()) {
            throw FhirException.badRequest("The resource must have an id matching the URL (" + id + ")");
        }
        if (!bodyId.textValue().equals(id)) {
            throw FhirException.badRequest("The id in the resource (" + bodyId.textValue() + ") does not match the URL (" + id + ")");
        }
        batch.claim(type, id);
        Optional<ResourceDao.Current> current = dao.lock(type, id);
        checkIfMatch(type, id, ifMatch, current.map(ResourceDao.Current::version).orElse(null));
        if (current.isEmpty()) {
            return create(batch, type, id, resource, context, "PUT");
        }
        ResourceDao.Current state = current.get();
        requireVisible(state.pk(), type, id);
        int version = state.version() + 1;
        Instant now = now();
        Prepared prepared = preparer.prepare(resource, id, version, now);
        requireVisible(type, prepared);
        Caller.wrote(type, id, prepared.rows().patients);
        if (!state.deleted() && ResourcePreparer.sameContent(prepared.resource(), state.json())) {
            return new WriteResult(dao.current(type, id).orElseThrow(), false, false);
        }
        NewVersion next = new NewVersion(state.pk(), type, id, version, now, "PUT", prepared.json(), prepared.rows(),
                false, context.changedBy(), context.reason(), prepared.references());
        batch.add(next);
        return new WriteResult(next.stored(), state.deleted(), true);
    }

    /** Deletes a resource, keeping every version; returns empty when there was nothing to delete. */
    public Optional<StoredResource> delete(WriteBatch batch, String type, String id, String ifMatch, WriteContext context) {
        requireValidId(id);
        batch.claim(type, id);
        Optional<ResourceDao.Current> current = dao.lock(type, id);
        checkIfMatch(type, id, ifMatch, current.map(ResourceDao.Current::version).orElse(null));
        if (current.isEmpty() || current.get().deleted()) {
            return Optional.empty();
        }
        ResourceDao.Current state = current.get();
        requireVisible(state.pk(), type, id);
        Caller.disclosed(state.pk(), type, id);
        NewVersion deletion = new NewVersion(state.pk(), type, id, state.version() + 1, now(), "DELETE", null, null,
                false, context.changedBy(), context.reason(), java.util.List.of());
        batch.add(deletion);
        return Optional.of(deletion.stored());
    }

    private static void checkIfMatch(String type, String id, String ifMatch, Integer currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String wanted = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (currentVersion == null || !wanted.equals(currentVersion.toString())) {
            throw FhirException.preconditionFailed("If-Match " + ifMatch + " does not match the current version of "
                    + type + "/" + id + (currentVersion == null ? " (it does not exist)" : " (W/\"" + currentVersion + "\")"));
        }
    }

    private static void requireType(String type, ObjectNode resource) {
        JsonNode resourceType = resource.get("resourceType");
        if (resourceType == null || !resourceType.isTextual()) {
            throw FhirException.badRequest("The resource has no resourceType");
        }
        if (!resourceType.textValue().equals(type)) {
            throw FhirException.badRequest("The resource is a " + resourceType.textValue() + " but the URL is for " + type);
        }
    }

    public static void requireValidId(String id) {
        if (!ID.matcher(id).matches()) {
            throw FhirException.badRequest("'" + id + "' is not a valid resource id (1-64 letters, digits, '-' or '.')");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
