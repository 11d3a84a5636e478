package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.springframework.stereotype.Component;

/**
 * A batch of device events however it came (HTTP or MQTT): the caller must be allowed to record observations; the
 * body must be JSON with 1 to {@value #MOST_EVENTS} events; each event read (or refused, saying why) and the batch
 * taken by the store. The answer is an HTTP status and a JSON body: counts, and each refused event with its reason.
 */
@Component
class DeviceBatches {

    /** The most events one batch may carry. */
    static final int MOST_EVENTS = 5000;

    /** What became of a batch. */
    record Answer(int status, ObjectNode body) {
    }

    private final DeviceEventStore store;

    DeviceBatches(DeviceEventStore store) {
        this.store = store;
    }

    Answer take(FhirAccess caller, String body, Instant received) {
        if (!caller.permissions().allows("Observation", FhirAction.CREATE)) {
            return new Answer(403, problem("The client may not record observations: it needs the scope system/Observation.c"));
        }
        JsonNode batch;
        try {
            batch = VitalSignObservations.JSON.readTree(body);
        } catch (IOException e) {
            return new Answer(400, problem("The body is not JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
        }
        return take(caller, batch, received);
    }

    Answer take(FhirAccess caller, JsonNode batch, Instant received) {
        if (!caller.permissions().allows("Observation", FhirAction.CREATE)) {
            return new Answer(403, problem("The client may not record observations: it needs the scope system/Observation.c"));
        }
        if (batch == null || !batch.path("events").isArray() || batch.path("events").isEmpty() || batch.path("events").size() > MOST_EVENTS) {
            return new Answer(400, problem("The body needs \"events\": an array of 1 to " + MOST_EVENTS + " events"));
        }
        List<DeviceEvent> events = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (JsonNode json : batch.path("events")) {
            Object read = DeviceEvent.read(json);
            if (read instanceof DeviceEvent event) {
                events.add(event);
            } else {
                refused.put(json.path("id").asText("(no id)"), (String) read);
            }
        }
        DeviceEventStore.Taken taken = store.take(caller, events, received);
        taken.refused().forEach(refused::put);
        ObjectNode answer = VitalSignObservations.JSON.createObjectNode().put("accepted", taken.accepted()).put("duplicates", taken.duplicates());
        ArrayNode list = answer.putArray("refused");
        refused.forEach((id, why) -> list.addObject().put("id", id).put("reason", why));
        return new Answer(200, answer);
    }

    static ObjectNode problem(String message) {
        return VitalSignObservations.JSON.createObjectNode().put("error", message);
    }
}
