package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/** Reads the record through the FHIR API as the member of staff (so every read is authorised and audited). */
@Component
class RecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;

    RecordReader(FhirApi fhir) {
        this.fhir = fhir;
    }

    /** An answer: its status and JSON. */
    record Read(int status, JsonNode json) {

        boolean ok() {
            return status < 300;
        }

        /** The resources of a searchset that matched (none, if the search was refused or failed). */
        List<JsonNode> matches() {
            if (!ok()) {
                return List.of();
            }
            List<JsonNode> found = new ArrayList<>();
            json.path("entry").forEach(e -> {
                if (!"include".equals(e.at("/search/mode").asText())) {
                    found.add(e.path("resource"));
                }
            });
            return found;
        }

        String problem() {
            return json.at("/issue/0/diagnostics").asText("");
        }
    }

    Read get(FhirAccess access, String pathAndQuery) {
        FhirApi.Answer answer = fhir.handle(access, "GET", pathAndQuery, null);
        return new Read(answer.status(), json(answer.body()));
    }

    /** Several searches in one batch (one interaction, one audit entry); each answer in order. */
    List<Read> batch(FhirAccess access, List<String> searches) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "batch");
        ArrayNode entries = bundle.putArray("entry");
        searches.forEach(search -> entries.addObject().putObject("request").put("method", "GET").put("url", search));
        FhirApi.Answer answer = fhir.handle(access, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode response = json(answer.body());
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            JsonNode entry = response.path("entry").path(i);
            String status = entry.at("/response/status").asText(Integer.toString(answer.status()));
            reads.add(new Read(Integer.parseInt(status.split(" ")[0]), entry.has("resource") ? entry.path("resource") : entry.at("/response/outcome")));
        }
        return reads;
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
