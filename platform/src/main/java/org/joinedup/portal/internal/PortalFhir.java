package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The portal's reads and actions, through the FHIR API as the patient (so only their records, and every one audited). */
@Component
class PortalFhir {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;

    PortalFhir(FhirApi fhir) {
        this.fhir = fhir;
    }

    /** A resource, or 404 for anything the patient may not see (ids cannot be probed). */
    JsonNode read(FhirAccess as, String reference) {
        FhirApi.Answer answer = fhir.handle(as, "GET", reference, null);
        if (answer.status() != 200) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
        }
        return parse(answer.body());
    }

    /**
     * A resource of the record being looked at: read as the patient, and its patient (at {@code patientPath}) must be
     * that record's, otherwise 404, so a proxy never acts on the wrong record and ids cannot be probed.
     */
    JsonNode inRecord(FhirAccess as, RecordChoice current, String type, String id, String patientPath) {
        if (id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
        }
        JsonNode resource = read(as, type + "/" + id);
        if (!("Patient/" + current.patientId()).equals(resource.at(patientPath).asText())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
        }
        return resource;
    }

    /** A search's matches (none if refused). */
    List<JsonNode> search(FhirAccess as, String query) {
        FhirApi.Answer answer = fhir.handle(as, "GET", query, null);
        List<JsonNode> found = new ArrayList<>();
        if (answer.status() == 200) {
            parse(answer.body()).path("entry").forEach(entry -> {
                if (!"include".equals(entry.at("/search/mode").asText())) {
                    found.add(entry.path("resource"));
                }
            });
        }
        return found;
    }

    /** An operation or a create: null if it succeeded, else what to tell the patient. */
    String post(FhirAccess as, String path, ObjectNode body) {
        FhirApi.Answer answer = fhir.handle(as, "POST", path, body.toString().getBytes(StandardCharsets.UTF_8));
        return answer.status() < 300 ? null : parse(answer.body()).at("/issue/0/diagnostics").asText("Sorry, that did not work. Try again later.");
    }

    static ObjectNode parameters(String name, String value, boolean reference) {
        ObjectNode parameters = JSON.createObjectNode().put("resourceType", "Parameters");
        ObjectNode parameter = parameters.putArray("parameter").addObject().put("name", name);
        if (reference) {
            parameter.putObject("valueReference").put("reference", value);
        } else {
            parameter.put("valueString", value);
        }
        return parameters;
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
