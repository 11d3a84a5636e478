package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An operation's inputs: from the query, or from a FHIR Parameters body (references, strings, dates). */
record OperationInput(Map<String, List<String>> query, JsonNode parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OperationInput of(Map<String, List<String>> query, byte[] body) {
        JsonNode parameters = null;
        if (body != null && body.length > 0) {
            try {
                parameters = JSON.readTree(body);
            } catch (IOException e) {
                throw new Refusal(400, "invalid", "The body is not JSON: send a FHIR Parameters resource");
            }
            if (!"Parameters".equals(parameters.path("resourceType").asText())) {
                throw new Refusal(400, "invalid", "The body must be a FHIR Parameters resource");
            }
        }
        return new OperationInput(query, parameters);
    }

    /** The named input's value (a reference's {@code reference}, or a primitive), or null. */
    String get(String name) {
        List<String> values = query.get(name);
        if (values != null && !values.isEmpty()) {
            return values.getFirst();
        }
        if (parameters != null) {
            for (JsonNode parameter : parameters.path("parameter")) {
                if (name.equals(parameter.path("name").asText())) {
                    for (var field : parameter.properties()) {
                        if (field.getKey().startsWith("value")) {
                            return field.getValue().isObject() ? field.getValue().path("reference").asText(null) : field.getValue().asText();
                        }
                    }
                }
            }
        }
        return null;
    }

    String required(String name) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, "required", "The operation needs '" + name + "'");
        }
        return value;
    }
}
