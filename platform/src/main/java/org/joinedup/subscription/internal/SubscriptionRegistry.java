package org.joinedup.subscription.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Subscriptions being honoured, read from the store whenever one changes. A new one (status requested) is
 * checked by running its criteria once: if the search is valid it becomes active, otherwise error, with why.
 */
@Component
class SubscriptionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private volatile Map<String, ActiveSubscription> active = Map.of();

    SubscriptionRegistry(FhirApi fhir) {
        this.fhir = fhir;
    }

    List<ActiveSubscription> forType(String type) {
        return active.values().stream().filter(s -> s.type().equals(type)).toList();
    }

    ActiveSubscription find(String id) {
        return active.get(id);
    }

    boolean isEmpty() {
        return active.isEmpty();
    }

    /** Reads the Subscriptions again, activating new ones. */
    void reload() {
        Map<String, ActiveSubscription> next = new ConcurrentHashMap<>();
        for (JsonNode subscription : search("Subscription?status=requested,active&_count=1000")) {
            if ("requested".equals(subscription.path("status").asText()) && !activate((ObjectNode) subscription)) {
                continue;
            }
            next.put(subscription.path("id").asText(), ActiveSubscription.of(subscription));
        }
        active = Map.copyOf(next);
    }

    private boolean activate(ObjectNode subscription) {
        String criteria = subscription.path("criteria").asText();
        FhirApi.Answer check = fhir.handle(FhirAccess.SYSTEM, "GET", criteria + (criteria.contains("?") ? "&" : "?") + "_summary=count", null);
        boolean valid = check.status() == 200;
        if (valid) {
            subscription.put("status", "active");
            subscription.remove("error");
        } else {
            subscription.put("status", "error");
            subscription.put("error", "The criteria are not a valid search here: " + diagnostics(check));
        }
        return setStatus(subscription) && valid;
    }

    /** Sets a Subscription to error, with why (a rest-hook that cannot be reached). */
    void fail(String id, String error) {
        FhirApi.Answer current = fhir.handle(FhirAccess.SYSTEM, "GET", "Subscription/" + id, null);
        if (current.status() != 200) {
            return;
        }
        ObjectNode subscription = (ObjectNode) json(current.body());
        subscription.put("status", "error");
        subscription.put("error", error);
        setStatus(subscription);
        reload();
    }

    private boolean setStatus(ObjectNode subscription) {
        String id = subscription.path("id").asText();
        FhirApi.Answer written = fhir.handle(FhirAccess.SYSTEM, "PUT", "Subscription/" + id, subscription.toString().getBytes(StandardCharsets.UTF_8));
        if (written.status() >= 300) {
            log.warn("Subscription/{} could not be set to {}: {}", id, subscription.path("status").asText(), written.text());
            return false;
        }
        return true;
    }

    private List<JsonNode> search(String query) {
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "GET", query, null);
        java.util.ArrayList<JsonNode> found = new java.util.ArrayList<>();
        json(answer.body()).path("entry").forEach(e -> found.add(e.path("resource")));
        return found;
    }

    private static String diagnostics(FhirApi.Answer answer) {
        return json(answer.body()).at("/issue/0/diagnostics").asText(Integer.toString(answer.status()));
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
