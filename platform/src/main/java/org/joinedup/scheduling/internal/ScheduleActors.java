package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.fhir.FhirAccess;
import org.springframework.stereotype.Component;

/**
 * Who runs a clinic (its Schedule's actors: the place, the clinician, the organisation), which every booking
 * copies onto the Appointment's participants. Clinics change rarely and are booked often, so each Schedule's
 * actors are kept for a minute after they are read (as the first caller who needed them; a Schedule holds no
 * personal data).
 */
@Component
class ScheduleActors {

    private static final Duration KEPT = Duration.ofMinutes(1);
    private static final int MOST = 50_000;

    private record Kept(JsonNode actors, long until) {
    }

    private final StoreCalls store;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    ScheduleActors(StoreCalls store) {
        this.store = store;
    }

    JsonNode of(FhirAccess caller, String schedule) {
        long now = System.nanoTime();
        Kept known = kept.get(schedule);
        if (known != null && known.until - now > 0) {
            return known.actors;
        }
        JsonNode actors = store.read(caller, schedule).path("actor");
        if (kept.size() > MOST) {
            kept.clear();
        }
        kept.put(schedule, new Kept(actors, now + KEPT.toNanos()));
        return actors;
    }
}
