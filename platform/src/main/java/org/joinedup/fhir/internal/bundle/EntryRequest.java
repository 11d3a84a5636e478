package org.joinedup.fhir.internal.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.rest.FhirRequest;
import org.joinedup.fhir.internal.rest.QueryParams;

/** A Bundle entry's {@code request}, read into the same form as an HTTP request. */
record EntryRequest(int index, String method, List<String> path, QueryParams query, Map<String, String> headers) {

    static EntryRequest of(int index, JsonNode entry) {
        JsonNode request = entry.path("request");
        String method = request.path("method").asText(null);
        String url = request.path("url").asText(null);
        if (method == null || url == null) {
            throw FhirException.badRequest("Bundle entry " + index + " has no request.method and request.url");
        }
        int question = url.indexOf('?');
        String pathPart = question < 0 ? url : url.substring(0, question);
        List<String> path = new ArrayList<>();
        for (String segment : pathPart.split("/")) {
            if (!segment.isEmpty()) {
                path.add(segment);
            }
        }
        Map<String, String> headers = new HashMap<>();
        header(request, "ifMatch", "if-match", headers);
        header(request, "ifNoneMatch", "if-none-match", headers);
        header(request, "ifNoneExist", "if-none-exist", headers);
        header(request, "ifModifiedSince", "if-modified-since", headers);
        return new EntryRequest(index, method.toUpperCase(java.util.Locale.ROOT), List.copyOf(path),
                QueryParams.parse(question < 0 ? null : url.substring(question + 1)), headers);
    }

    private static void header(JsonNode request, String field, String name, Map<String, String> headers) {
        if (request.hasNonNull(field)) {
            headers.put(name, request.get(field).asText());
        }
    }

    FhirRequest toRequest(com.fasterxml.jackson.databind.node.ObjectNode resource, Map<String, String> outerHeaders) {
        Map<String, String> all = new HashMap<>(outerHeaders);
        all.remove("if-match");
        all.remove("if-none-match");
        all.remove("if-none-exist");
        all.remove("if-modified-since");
        all.putAll(headers);
        return new FhirRequest(method, path, query, all, resource, null, null);
    }

    String type() {
        return path.isEmpty() ? null : path.getFirst();
    }

    String id() {
        return path.size() >= 2 ? path.get(1) : null;
    }

    boolean conditional() {
        return path.size() == 1 && !query.entries().isEmpty();
    }
}
