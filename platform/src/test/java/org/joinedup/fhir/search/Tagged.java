package org.joinedup.fhir.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;

/**
 * Resources for one test, tagged with a code of their own so searches see only them:
 * every query adds {@code _tag=urn:test|<code>}.
 */
final class Tagged {

    final FhirClient fhir;
    final String tag = UUID.randomUUID().toString();

    Tagged(FhirClient fhir) {
        this.fhir = fhir;
    }

    /** Creates the resource with this test's tag and returns its id. */
    String create(String json) {
        ObjectNode resource = FhirClient.parse(json);
        resource.withObject("meta").withArray("tag").addObject().put("system", "urn:test").put("code", tag);
        return fhir.create(resource).path("id").asText();
    }

    /** The ids a search finds among this test's resources, in order. */
    List<String> search(String typeAndQuery) {
        return response(typeAndQuery).matchIds();
    }

    FhirClient.Response response(String typeAndQuery) {
        String separator = typeAndQuery.contains("?") ? "&" : "?";
        FhirClient.Response response = fhir.get("/" + typeAndQuery + separator + "_tag=urn:test|" + tag);
        if (response.status() != 200) {
            throw new AssertionError(typeAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }
}
