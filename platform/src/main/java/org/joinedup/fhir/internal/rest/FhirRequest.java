package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One FHIR interaction request, from HTTP or from a Bundle entry.
 *
 * @param method GET, POST, PUT, PATCH, DELETE or HEAD
 * @param path the URL path below the FHIR base, split at '/'
 * @param query the query parameters
 * @param headers request headers by lower-case name
 * @param resource the request body as a resource, when already parsed (Bundle entries)
 * @param body the raw request body, when not yet parsed (HTTP)
 * @param contentType the body's media type, lower case, without parameters
 */
public record FhirRequest(String method, List<String> path, QueryParams query, Map<String, String> headers,
                          ObjectNode resource, byte[] body, String contentType) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean hasBody() {
        return resource != null || (body != null && body.length > 0);
    }
}
