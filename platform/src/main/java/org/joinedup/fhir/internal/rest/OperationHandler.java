package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.fhir.internal.outcome.Outcomes;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.validation.ProfileValidator;

/** The capability statement and the operations: {@code $everything} on Patient and {@code $validate} on every type. */
final class OperationHandler {

    private final ResourceStore store;
    private final BodyParser bodies;
    private final EverythingHandler everything;
    private final Supplier<ProfileValidator> validator;
    private final byte[] capabilities;
    private final Supplier<List<org.joinedup.fhir.FhirOperation>> provided;
    private volatile byte[] withProvided;

    OperationHandler(ResourceStore store, BodyParser bodies, EverythingHandler everything, Supplier<ProfileValidator> validator,
                     byte[] capabilities, Supplier<List<org.joinedup.fhir.FhirOperation>> provided) {
        this.provided = provided;
        this.store = store;
        this.bodies = bodies;
        this.everything = everything;
        this.validator = validator;
        this.capabilities = capabilities;
    }

    FhirResponse capabilities() {
        byte[] statement = withProvided;
        if (statement == null) { // the other modules' operations are known only once they have started
            statement = withProvided = CapabilityStatementBuilder.withOperations(capabilities, provided.get());
        }
        return FhirResponse.of(200, statement);
    }

    FhirResponse typeOperation(FhirRequest request, String base, String type, String operation) {
        return switch (operation) {
            case "$validate" -> validate(request, type, null);
            case "$everything" -> {
                requirePatient(type, operation);
                yield everything.byIdentifier(request, base);
            }
            default -> provided(request, type, null, operation);
        };
    }

    FhirResponse instanceOperation(FhirRequest request, String base, String type, String id, String operation) {
        return switch (operation) {
            case "$validate" -> validate(request, type, id);
            case "$everything" -> {
                requirePatient(type, operation);
                yield everything.everything(request, base, id);
            }
            default -> provided(request, type, id, operation);
        };
    }

    /** An operation at the system level ({@code /fhir/$export}): only those other modules provide. */
    FhirResponse systemOperation(FhirRequest request, String operation) {
        return provided(request, org.joinedup.fhir.FhirOperation.SYSTEM, null, operation);
    }

    /** Whether another module provides this operation on this type (which may be a logical model the store does not hold). */
    boolean provides(String type, String operation) {
        return provided.get().stream().anyMatch(o -> o.resourceType().equals(type) && ("$" + o.name()).equals(operation));
    }

    /** An operation another module provides, called with the caller's access (404 when there is none of that name). */
    private FhirResponse provided(FhirRequest request, String type, String id, String operation) {
        org.joinedup.fhir.FhirOperation found = provided.get().stream()
                .filter(o -> o.resourceType().equals(type) && ("$" + o.name()).equals(operation)).findFirst()
                .orElseThrow(() -> FhirException.notFound("Unknown operation " + operation
                        + (type.isEmpty() ? " at the system level" : " on " + type + (id == null ? "" : "/" + id))));
        java.util.Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        request.query().entries().forEach(e -> parameters.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        byte[] body = request.body() != null ? request.body()
                : request.resource() == null ? null : request.resource().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.joinedup.fhir.FhirApi.Answer answer = found.invoke(org.joinedup.fhir.internal.access.Caller.access(), request.method(), id,
                parameters, body, request.headers());
        return new FhirResponse(answer.status(), new java.util.LinkedHashMap<>(answer.headers()), answer.body(), answer.stream());
    }

    /** {@code $validate}: the body (a resource, or Parameters with resource and profile), or the stored instance. */
    private FhirResponse validate(FhirRequest request, String type, String id) {
        List<String> profiles = new ArrayList<>(request.query().all("profile"));
        ObjectNode resource;
        if (request.hasBody()) {
            resource = bodies.resource(request);
            if ("Parameters".equals(resource.path("resourceType").asText()) && !type.equals("Parameters")) {
                resource = fromParameters(resource, profiles);
            }
        } else if (id != null) {
            resource = FhirJson.readStored(store.read(type, id).json());
        } else {
            throw FhirException.badRequest("$validate needs a resource in the body");
        }
        if (!type.equals(resource.path("resourceType").asText())) {
            throw FhirException.badRequest("The resource is a " + resource.path("resourceType").asText() + ", not a " + type);
        }
        List<Issue> issues = validator.get().validate(new String(FhirJson.write(resource), StandardCharsets.UTF_8), profiles);
        if (issues.isEmpty()) {
            issues = List.of(Issue.information("No issues found"));
        }
        return FhirResponse.of(200, Outcomes.of(issues));
    }

    private static ObjectNode fromParameters(ObjectNode parameters, List<String> profiles) {
        ObjectNode resource = null;
        for (JsonNode parameter : parameters.path("parameter")) {
            String name = parameter.path("name").asText();
            if (name.equals("resource") && parameter.get("resource") instanceof ObjectNode r) {
                resource = r;
            } else if (name.equals("profile")) {
                profiles.add(parameter.path("valueUri").asText(parameter.path("valueCanonical").asText()));
            }
        }
        if (resource == null) {
            throw FhirException.badRequest("The Parameters for $validate have no 'resource'");
        }
        return resource;
    }

    private static void requirePatient(String type, String operation) {
        if (!type.equals("Patient")) {
            throw FhirException.notFound(operation + " is defined on Patient, not " + type);
        }
    }
}
