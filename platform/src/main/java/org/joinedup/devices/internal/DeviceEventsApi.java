package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAccessResolver;
import org.joinedup.fhir.FhirAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /devices/events}: a batch of events from registered devices, sent by a machine client with a bearer
 * token allowed to create Observations ({@code system/Observation.c}). Each event is taken once (by device and
 * event id: a batch sent again changes nothing), from a Device registered in the record for a patient; vital signs
 * are written as Observations attributed to the device, through the FHIR API as the client (audited). The answer
 * counts what was taken, what had been taken before, and says why each refused event was refused (it is kept).
 */
@RestController
class DeviceEventsApi {

    /** The most events one batch may carry. */
    static final int MOST_EVENTS = 5000;

    private final FhirAccessResolver resolver;
    private final DeviceEventStore store;

    DeviceEventsApi(FhirAccessResolver resolver, DeviceEventStore store) {
        this.resolver = resolver;
        this.store = store;
    }

    @PostMapping(path = "/devices/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> events(HttpServletRequest request, @RequestBody String body) {
        java.time.Instant received = java.time.Instant.now();
        FhirAccess caller;
        try {
            caller = resolver.resolve(request);
        } catch (FhirAccessResolver.Unauthenticated e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", e.challenge()).contentType(MediaType.APPLICATION_JSON)
                    .body(problem(e.getMessage()).toString());
        }
        if (!caller.permissions().allows("Observation", FhirAction.CREATE)) {
            return answer(HttpStatus.FORBIDDEN, problem("The client may not record observations: it needs the scope system/Observation.c"));
        }
        JsonNode batch;
        try {
            batch = VitalSignObservations.JSON.readTree(body);
        } catch (IOException e) {
            return answer(HttpStatus.BAD_REQUEST, problem("The body is not JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
        }
        if (!batch.path("events").isArray() || batch.path("events").isEmpty() || batch.path("events").size() > MOST_EVENTS) {
            return answer(HttpStatus.BAD_REQUEST, problem("The body needs \"events\": an array of 1 to " + MOST_EVENTS + " events"));
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
        return answer(HttpStatus.OK, answer);
    }

    private static ObjectNode problem(String message) {
        return VitalSignObservations.JSON.createObjectNode().put("error", message);
    }

    private static ResponseEntity<String> answer(HttpStatus status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }
}
