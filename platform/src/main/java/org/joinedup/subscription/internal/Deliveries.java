package org.joinedup.subscription.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.joinedup.subscription.SubscriptionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one notification. A rest-hook without payload gets an empty POST to its endpoint; with a payload, the
 * resource is PUT to {@code endpoint/Type/id} (FHIR R4). Each with the channel's headers, tried a few times with a
 * growing pause, on its own virtual thread; a rest-hook that never answers puts its Subscription in error, with
 * why. A websocket gets {@code ping <id>} on each connection bound to the Subscription.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private final SubscriptionProperties properties;
    private final SubscriptionRegistry registry;
    private final WebSocketChannel websockets;

    Deliveries(SubscriptionProperties properties, SubscriptionRegistry registry, WebSocketChannel websockets) {
        this.properties = properties;
        this.registry = registry;
        this.websockets = websockets;
    }

    void deliver(ActiveSubscription subscription, JsonNode resource) {
        if ("websocket".equals(subscription.channel())) {
            websockets.ping(subscription.id());
            return;
        }
        Thread.ofVirtual().name("rest-hook-" + subscription.id()).start(() -> restHook(subscription, resource));
    }

    private void restHook(ActiveSubscription subscription, JsonNode resource) {
        String problem = null;
        for (int attempt = 1; attempt <= properties.deliveryAttempts(); attempt++) {
            try {
                HttpResponse<Void> answer = http.send(request(subscription, resource), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() < 300) {
                    return;
                }
                problem = "the endpoint answered " + answer.statusCode();
            } catch (java.io.IOException | IllegalArgumentException e) {
                problem = "the endpoint could not be reached (" + e + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500L * attempt * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Subscription/{}: notification not delivered: {}", subscription.id(), problem);
        registry.fail(subscription.id(), "Notifications could not be delivered: " + problem);
    }

    private HttpRequest request(ActiveSubscription subscription, JsonNode resource) {
        String endpoint = subscription.endpoint();
        HttpRequest.Builder request;
        if (subscription.payload() == null) {
            request = HttpRequest.newBuilder(URI.create(endpoint)).POST(HttpRequest.BodyPublishers.noBody());
        } else {
            String url = (endpoint.endsWith("/") ? endpoint : endpoint + "/") + resource.path("resourceType").asText() + "/" + resource.path("id").asText();
            request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(resource.toString()))
                    .header("Content-Type", "application/fhir+json");
        }
        request.timeout(properties.deliveryTimeout());
        for (String header : subscription.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
        }
        return request.build();
    }
}
