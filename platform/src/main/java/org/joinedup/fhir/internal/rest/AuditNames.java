package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.joinedup.fhir.internal.json.FhirJson;

/** How the audit names an interaction, and what it notes of a refusal or failure. */
final class AuditNames {

    private AuditNames() {
    }

    /** read, vread, search, history, create, update, patch, delete, operation, batch or transaction. */
    static String interaction(FhirRequest request) {
        List<String> path = request.path();
        String method = request.method();
        if (path.isEmpty()) {
            return method.equals("POST") ? "batch-or-transaction" : "search-system";
        }
        String last = path.getLast();
        if (last.startsWith("$")) {
            return "operation " + last;
        }
        if (path.contains("_history")) {
            return path.size() == 4 ? "vread" : "history";
        }
        if (last.equals("_search")) {
            return "search";
        }
        return switch (method) {
            case "GET", "HEAD" -> path.size() == 1 ? "search" : "read";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The first diagnostics of an error answer, or null for a success. */
    static String detail(FhirResponse response) {
        if (response.status() < 400 || response.json() == null) {
            return null;
        }
        try {
            JsonNode outcome = FhirJson.mapper().readTree(response.json());
            return outcome.path("issue").path(0).path("diagnostics").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
