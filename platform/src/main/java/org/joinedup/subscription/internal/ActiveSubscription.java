package org.joinedup.subscription.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Subscription the platform is honouring: its criteria (a search on one type), and its channel.
 *
 * @param payload the MIME type of the payload, or null for a notification without content
 */
record ActiveSubscription(String id, String type, String criteria, String channel, String endpoint, List<String> headers, String payload) {

    static ActiveSubscription of(JsonNode subscription) {
        String criteria = subscription.path("criteria").asText();
        List<String> headers = new ArrayList<>();
        subscription.at("/channel/header").forEach(h -> headers.add(h.asText()));
        String payload = subscription.at("/channel/payload").asText(null);
        return new ActiveSubscription(subscription.path("id").asText(), criteria.contains("?") ? criteria.substring(0, criteria.indexOf('?')) : criteria,
                criteria, subscription.at("/channel/type").asText(), subscription.at("/channel/endpoint").asText(null), List.copyOf(headers),
                payload == null || payload.isBlank() ? null : payload);
    }

    /** The criteria narrowed to some ids of its type. */
    String criteriaFor(List<String> ids) {
        return criteria + (criteria.contains("?") ? "&" : "?") + "_id=" + String.join(",", ids);
    }
}
