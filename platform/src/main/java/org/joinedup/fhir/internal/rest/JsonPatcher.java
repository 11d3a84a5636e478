package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/** Applies a JSON Patch (RFC 6902) document; a failing operation (a {@code test}, a missing path) is a 422. */
final class JsonPatcher {

    ObjectNode apply(JsonNode operations, ObjectNode resource) {
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
