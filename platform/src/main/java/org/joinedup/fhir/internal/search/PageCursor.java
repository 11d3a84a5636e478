package org.joinedup.fhir.internal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.outcome.FhirException;

/**
 * A position in a result set for keyset paging: the sort values and key of the row the page starts after
 * (or, going back, before). Carried in next and previous links, so paging needs no server-side state and
 * stays correct while others write.
 *
 * @param keys the row's sort values, as text (null for a missing value)
 * @param pk the row's key, breaking ties
 * @param backward whether the page lies before the row (a previous link)
 */
public record PageCursor(List<String> keys, long pk, boolean backward) {

    public String encode() {
        ObjectNode node = FhirJson.mapper().createObjectNode();
        ArrayNode array = node.putArray("k");
        keys.forEach(array::add);
        node.put("p", pk);
        node.put("b", backward);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(FhirJson.write(node));
    }

    public static PageCursor decode(String token) {
        try {
            JsonNode node = FhirJson.mapper().readTree(Base64.getUrlDecoder().decode(token));
            List<String> keys = new ArrayList<>();
            node.path("k").forEach(k -> keys.add(k.isNull() ? null : k.asText()));
            return new PageCursor(keys, node.path("p").asLong(), node.path("b").asBoolean());
        } catch (IOException | IllegalArgumentException e) {
            throw FhirException.badRequest("The paging token '_page' is not valid; start the search again");
        }
    }
}
