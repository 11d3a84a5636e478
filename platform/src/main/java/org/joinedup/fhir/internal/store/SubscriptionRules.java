package org.joinedup.fhir.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/**
 * What a Subscription may be. Only systems (machine clients) may subscribe, and only to a type they may search,
 * because notifications are sent to them without a person present; the channel must be a rest-hook (with an http
 * or https endpoint) or a websocket.
 */
final class SubscriptionRules {

    private static final Set<String> CHANNELS = Set.of("rest-hook", "websocket");

    private SubscriptionRules() {
    }

    static void check(JsonNode subscription) {
        FhirAccess access = Caller.access();
        if (!"system".equals(access.agent().kind())) {
            throw new FhirException(403, Issue.error("forbidden", "Only systems (signed in with client credentials) may subscribe to changes"));
        }
        String criteria = subscription.path("criteria").asText("");
        if (!criteria.matches("[A-Z][A-Za-z]+(\\?.*)?")) {
            throw invalid("Subscription.criteria must be a search such as Observation?code=http://loinc.org|85354-9, not '" + criteria + "'");
        }
        String type = criteria.contains("?") ? criteria.substring(0, criteria.indexOf('?')) : criteria;
        if (!access.permissions().allows(type, FhirAction.SEARCH)) {
            throw new FhirException(403, Issue.error("forbidden", "Your access does not allow search on " + type + ", so you cannot subscribe to it"));
        }
        String channel = subscription.at("/channel/type").asText("");
        if (!CHANNELS.contains(channel)) {
            throw invalid("Subscription.channel.type '" + channel + "' is not supported here: use rest-hook or websocket");
        }
        if (channel.equals("rest-hook") && !subscription.at("/channel/endpoint").asText("").matches("https?://.+")) {
            throw invalid("A rest-hook Subscription needs channel.endpoint, an http or https URL");
        }
    }

    private static FhirException invalid(String message) {
        return new FhirException(422, Issue.error("processing", message));
    }
}
