package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.StoredResource;
import org.joinedup.fhir.internal.store.WriteBatch;
import org.joinedup.fhir.internal.store.WriteContext;
import org.joinedup.fhir.internal.store.WriteResult;

/** Applies a JSON Patch (RFC 6902) document; a failing operation (a {@code test}, a missing path) is a 422. */
public final class JsonPatcher {

    /** Patches the current version and writes the result as an update, honouring If-Match. */
    public WriteResult patchAndUpdate(ResourceStore store, WriteBatch batch, String type, String id, JsonNode operations,
                                      String ifMatch, WriteContext context) {
        StoredResource current = store.read(type, id);
        ObjectNode patched = apply(operations, FhirJson.readStored(current.json()));
        if (!id.equals(patched.path("id").asText()) || !type.equals(patched.path("resourceType").asText())) {
            throw FhirException.unprocessable("A patch must not change the resource's type or id", type + ".id");
        }
        return store.update(batch, type, id, patched, ifMatch != null ? ifMatch : current.etag(), context);
    }

    /** The operations carried by a Binary (as in a transaction Bundle's PATCH entry). */
    public static JsonNode fromBinary(ObjectNode binary) {
        if (binary == null || !"Binary".equals(binary.path("resourceType").asText())
                || !MediaTypes.JSON_PATCH.equals(binary.path("contentType").asText())) {
            throw FhirException.badRequest("A PATCH entry carries its JSON Patch as a Binary with contentType application/json-patch+json");
        }
        try {
            return FhirJson.parseAny(java.util.Base64.getDecoder().decode(binary.path("data").asText()));
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("The Binary's data is not base64");
        }
    }

    public ObjectNode apply(JsonNode operations, ObjectNode resource) {
        if (!operations.isArray()) {
            throw FhirException.badRequest("A JSON Patch document is an array of operations");
        }
        try {
            JsonNode result = JsonPatch.apply(operations, resource);
            if (!(result instanceof ObjectNode object)) {
                throw FhirException.unprocessable("The patch did not leave a resource", null);
            }
            return object;
        } catch (com.flipkart.zjsonpatch.InvalidJsonPatchException e) {
            throw FhirException.badRequest("The JSON Patch document is not valid: " + e.getMessage());
        } catch (JsonPatchApplicationException e) {
            throw new FhirException(422, Issue.error("processing", "The patch could not be applied: " + e.getMessage()));
        }
    }
}
