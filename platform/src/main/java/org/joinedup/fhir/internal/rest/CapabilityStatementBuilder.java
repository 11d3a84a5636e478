package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;

/** The CapabilityStatement at {@code /fhir/metadata}, listing exactly what the server implements. */
final class CapabilityStatementBuilder {

    private static final List<String> TYPE_INTERACTIONS = List.of("read", "vread", "update", "patch", "delete",
            "history-instance", "history-type", "create", "search-type");

    private CapabilityStatementBuilder() {
    }

    static byte[] build(SearchParamRegistry registry, Iterable<String> resourceTypes, String baseUrl, String version) {
        ObjectNode statement = FhirJson.mapper().createObjectNode();
        statement.put("resourceType", "CapabilityStatement");
        statement.put("status", "active");
        statement.put("date", Instant.now().toString());
        statement.put("publisher", "JoinedUp");
        statement.put("kind", "instance");
        statement.putObject("software").put("name", "JoinedUp").put("version", version);
        statement.putObject("implementation").put("description", "JoinedUp FHIR R4 store");
        statement.put("fhirVersion", "4.0.1");
        statement.putArray("format").add("application/fhir+json").add("application/fhir+xml");
        statement.putArray("patchFormat").add("application/json-patch+json");
        statement.putArray("implementationGuide").add("https://fhir.hl7.org.uk/ImplementationGuide/UKCore");
        ObjectNode rest = statement.putArray("rest").addObject();
        rest.put("mode", "server");
        // where the websocket channel of Subscriptions listens (beside the FHIR base)
        rest.putArray("extension").addObject().put("url", "http://hl7.org/fhir/StructureDefinition/capabilitystatement-websocket")
                .put("valueUri", baseUrl.replaceFirst("^http", "ws").replaceFirst("/fhir/?$", "") + "/subscriptions/websocket");
        for (String type : resourceTypes) {
            resource(rest.withArray("resource").addObject(), registry, type);
        }
        ArrayNode interactions = rest.putArray("interaction");
        for (String code : List.of("transaction", "batch", "history-system")) {
            interactions.addObject().put("code", code);
        }
        for (String name : List.of("_sort", "_count", "_include", "_revinclude", "_total", "_summary", "_elements")) {
            rest.withArray("searchParam").addObject().put("name", name).put("type", "special")
                    .put("documentation", "Result parameter");
        }
        rest.putArray("operation").addObject().put("name", "validate")
                .put("definition", "http://hl7.org/fhir/OperationDefinition/Resource-validate");
        return FhirJson.write(statement);
    }

    /** The statement with the operations other modules provide listed under their resource types. */
    static byte[] withOperations(byte[] statement, List<org.joinedup.fhir.FhirOperation> operations) {
        if (operations.isEmpty()) {
            return statement;
        }
        ObjectNode parsed = FhirJson.readStored(statement);
        for (org.joinedup.fhir.FhirOperation operation : operations) {
            if (operation.resourceType().equals(org.joinedup.fhir.FhirOperation.SYSTEM)) {
                ((ObjectNode) parsed.at("/rest/0")).withArray("operation").addObject().put("name", operation.name())
                        .put("definition", definition(operation));
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode resource : parsed.at("/rest/0/resource")) {
            for (org.joinedup.fhir.FhirOperation operation : operations) {
                if (operation.resourceType().equals(resource.path("type").asText())) {
                    ((ObjectNode) resource).withArray("operation").addObject().put("name", operation.name())
                            .put("definition", definition(operation));
                }
            }
        }
        return FhirJson.write(parsed);
    }

    private static String definition(org.joinedup.fhir.FhirOperation operation) {
        return operation.definition() != null ? operation.definition() : "https://fhir.joinedup.nhs.uk/OperationDefinition/"
                + (operation.resourceType().isEmpty() ? "" : operation.resourceType() + "-") + operation.name();
    }

    private static void resource(ObjectNode resource, SearchParamRegistry registry, String type) {
        resource.put("type", type);
        ArrayNode interactions = resource.putArray("interaction");
        TYPE_INTERACTIONS.forEach(code -> interactions.addObject().put("code", code));
        resource.put("versioning", "versioned-update");
        resource.put("readHistory", true);
        resource.put("updateCreate", true);
        resource.put("conditionalCreate", true);
        resource.put("conditionalRead", "modified-since");
        resource.put("conditionalUpdate", true);
        resource.put("conditionalDelete", "single");
        resource.putArray("referencePolicy").add("literal").add("enforced").add("local");
        ArrayNode includes = resource.putArray("searchInclude");
        ArrayNode revIncludes = resource.putArray("searchRevInclude");
        includes.add("*");
        revIncludes.add("*");
        ArrayNode params = resource.putArray("searchParam");
        params.addObject().put("name", "_id").put("type", "token");
        params.addObject().put("name", "_lastUpdated").put("type", "date");
        params.addObject().put("name", "_content").put("type", "string")
                .put("documentation", "Words anywhere in the resource, its narrative or its attached text, each matched by its beginning");
        params.addObject().put("name", "_text").put("type", "string").put("documentation", "Words in the resource's narrative");
        for (SearchParam param : registry.forType(type)) {
            if (param.expression() == null) {
                continue;
            }
            if (param.type() == ParamType.REFERENCE) {
                includes.add(type + ":" + param.code());
            }
            params.addObject().put("name", param.code()).put("definition", param.url()).put("type", param.type().code())
                    .put("documentation", param.description());
        }
        if (type.equals("Patient")) {
            resource.putArray("operation").addObject().put("name", "everything")
                    .put("definition", "http://hl7.org/fhir/OperationDefinition/Patient-everything");
        }
    }
}
