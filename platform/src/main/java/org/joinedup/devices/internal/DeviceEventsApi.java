package org.joinedup.devices.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAccessResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /devices/events}: a batch of events from registered devices, sent by a machine client with a bearer
 * token allowed to create Observations ({@code system/Observation.c}). Each event is taken once (by device and
 * event id: a batch sent again changes nothing), from a Device registered in the record; what it is written as goes
 * through the FHIR API as the client (audited). The answer counts what was taken, what had been taken before, and
 * says why each refused event was refused (it is kept).
 */
@RestController
class DeviceEventsApi {

    private final FhirAccessResolver resolver;
    private final DeviceBatches batches;

    DeviceEventsApi(FhirAccessResolver resolver, DeviceBatches batches) {
        this.resolver = resolver;
        this.batches = batches;
    }

    @PostMapping(path = "/devices/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> events(HttpServletRequest request, @RequestBody String body) {
        Instant received = Instant.now();
        FhirAccess caller;
        try {
            caller = resolver.resolve(request);
        } catch (FhirAccessResolver.Unauthenticated e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", e.challenge()).contentType(MediaType.APPLICATION_JSON)
                    .body(DeviceBatches.problem(e.getMessage()).toString());
        }
        DeviceBatches.Answer answer = batches.take(caller, body, received);
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body().toString());
    }
}
