package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/** The scheduling operations' reads and transactions, through the FHIR API as their caller. */
@Component
class StoreCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    StoreCalls(FhirApi fhir, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.fhir = fhir;
        this.transactions = transactions;
        this.events = events;
    }

    /** A resource by reference ({@code Slot/123}); the caller's refusal (403, 404) is passed on as it is. */
    ObjectNode read(FhirAccess caller, String reference) {
        if (reference == null || !reference.matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
            throw new Refusal(400, "invalid", "'" + reference + "' is not a reference such as Slot/123");
        }
        FhirApi.Answer answer = fhir.handle(caller, "GET", reference, null);
        if (answer.status() != 200) {
            throw new Passed(answer);
        }
        return (ObjectNode) parse(answer.body());
    }

    FhirApi.Answer search(FhirAccess caller, String query) {
        return fhir.handle(caller, "GET", query, null);
    }

    /**
     * Writes the entries in one transaction; a version that changed meanwhile (412) means someone else got there first.
     * The events are published in the same database transaction (the event publication registry keeps them), so
     * they are told if and only if the change is made.
     */
    JsonNode transaction(FhirAccess caller, ArrayNode entries, String conflict, Object... events) {
        return transaction(caller, entries, conflict, written -> java.util.List.of(events));
    }

    /** As above, with events made from the transaction's answer (for the ids of what it created). */
    JsonNode transaction(FhirAccess caller, ArrayNode entries, String conflict, java.util.function.Function<JsonNode, java.util.List<?>> events) {
        return transactions.execute(status -> {
            JsonNode written = write(caller, entries, conflict);
            events.apply(written).forEach(this.events::publishEvent);
            return written;
        });
    }

    /** Publishes events in a transaction of their own (the event publication registry keeps them). */
    void publish(Object... events) {
        transactions.executeWithoutResult(status -> {
            for (Object event : events) {
                this.events.publishEvent(event);
            }
        });
    }

    /** The id of what a transaction's entry created or updated ({@code Appointment/123/_history/1} gives 123). */
    static String createdId(JsonNode written, int entry) {
        String reference = FhirApi.Answer.written(written, entry);
        return reference.substring(reference.indexOf('/') + 1);
    }

    private JsonNode write(FhirAccess caller, ArrayNode entries, String conflict) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        bundle.set("entry", entries);
        FhirApi.Answer answer = fhir.handle(caller, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 412 || answer.status() == 409) {
            throw new Refusal(409, "conflict", conflict);
        }
        if (answer.status() != 200) {
            throw new Passed(answer);
        }
        return parse(answer.body());
    }

    /** A PUT of the resource as read, changed, only if nobody has changed it since. */
    static ObjectNode put(ArrayNode entries, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.set("resource", resource);
        entry.putObject("request").put("method", "PUT").put("url", resource.path("resourceType").asText() + "/" + resource.path("id").asText())
                .put("ifMatch", "W/\"" + resource.at("/meta/versionId").asText() + "\"");
        return entry;
    }

    /** The query of a searchset's next page, below the FHIR base, or null on the last page. */
    static String nextPage(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                String url = link.path("url").asText();
                int base = url.indexOf("/fhir/");
                return base < 0 ? null : url.substring(base + "/fhir/".length());
            }
        }
        return null;
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal from the store, passed on to the caller unchanged. */
    static final class Passed extends RuntimeException {
        final FhirApi.Answer answer;

        Passed(FhirApi.Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}
