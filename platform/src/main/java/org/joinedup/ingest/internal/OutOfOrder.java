package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;

/**
 * Out-of-order messages never overwrite newer data with older: before an ADT transaction is written, each Patient
 * and Encounter it would update (by id or by a condition) is looked up. If the record's copy was written from a
 * later event (its {@link AdtMapping#EVENT_TIME}), the entry is left out and references to it point at the record's
 * copy; otherwise the update is made conditional on the version seen (If-Match), so that a message written in
 * between cannot be overwritten either (the transaction fails with 412 and the message is mapped and checked
 * again). Returns what was left out, for the message's outcome.
 */
final class OutOfOrder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutOfOrder() {
    }

    /** @param known a resource already read while matching (the record's patient), not read again; or null */
    static List<String> dropOlder(ObjectNode bundle, FhirApi fhir, JsonNode known) {
        String knownUrl = known == null ? null : known.path("resourceType").asText() + "/" + known.path("id").asText();
        List<String> dropped = new ArrayList<>();
        ArrayNode entries = (ArrayNode) bundle.path("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode entry = entries.get(i);
            String url = entry.at("/request/url").asText();
            if (!entry.at("/request/method").asText().equals("PUT")) {
                continue;
            }
            String incoming = time(entry.path("resource"));
            if (incoming == null) {
                continue;
            }
            JsonNode existing = url.equals(knownUrl) ? known
                    : url.contains("?") ? first(fhir.handle(FhirAccess.SYSTEM, "GET", url, null)) : read(fhir.handle(FhirAccess.SYSTEM, "GET", url, null));
            String held = existing == null ? null : time(existing);
            if (held != null && later(held, incoming)) {
                String type = existing.path("resourceType").asText();
                String reference = type + "/" + existing.path("id").asText();
                References.move(bundle, entry.path("fullUrl").asText(), reference);
                entries.remove(i);
                dropped.add(type + " (the record holds a later event, " + held + ")");
            } else if (existing != null && !entry.path("request").has("ifMatch")) {
                // written only if the record's copy is still the one checked: a newer message written in between
                // makes this transaction fail (412), and the message is mapped and checked again
                ObjectNode request = (ObjectNode) entry.path("request");
                request.put("url", existing.path("resourceType").asText() + "/" + existing.path("id").asText());
                request.put("ifMatch", "W/\"" + existing.at("/meta/versionId").asText() + "\"");
                ((ObjectNode) entry.path("resource")).put("id", existing.path("id").asText());
            }
        }
        return dropped;
    }

    private static JsonNode read(FhirApi.Answer answer) {
        try {
            return answer.status() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode first(FhirApi.Answer answer) {
        try {
            JsonNode entries = JSON.readTree(answer.body()).path("entry");
            return entries.size() == 1 ? entries.get(0).path("resource") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String time(JsonNode resource) {
        for (JsonNode extension : resource.path("extension")) {
            if (AdtMapping.EVENT_TIME.equals(extension.path("url").asText())) {
                return extension.path("valueDateTime").asText(null);
            }
        }
        return null;
    }

    private static boolean later(String held, String incoming) {
        try {
            return OffsetDateTime.parse(held).isAfter(OffsetDateTime.parse(incoming));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
