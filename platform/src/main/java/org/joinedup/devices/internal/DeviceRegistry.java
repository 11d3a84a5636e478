package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FollowedChanges;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registered Devices of a batch's events, read from the record with their owners and locations, a hundred at a
 * time, and kept in memory until the record changes them: the store's change feed is followed every
 * {@value #FOLLOW_MILLIS} ms, a changed Device forgotten, and everything forgotten when an Organization or Location
 * changes. A lookup that began before a device was forgotten is not kept, so a registration read just before its
 * change is never kept after it.
 */
@Component
class DeviceRegistry implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);
    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final long FOLLOW_MILLIS = 250;
    private static final int MOST_KEPT = 200_000;

    private final FhirApi fhir;
    private final ChangeFeed feed;
    private final Map<String, Registered> kept = new ConcurrentHashMap<>();
    private final Map<String, Long> forgotten = new ConcurrentHashMap<>(); // device id to when (nanoTime) it was last forgotten
    private volatile long allForgotten = System.nanoTime();
    private final PollingLoop loop;
    private FollowedChanges changes;

    DeviceRegistry(FhirApi fhir, ChangeFeed feed) {
        this.fhir = fhir;
        this.feed = feed;
        this.loop = new PollingLoop("device-registry", Duration.ofMillis(FOLLOW_MILLIS), log, "Devices: the registry could not follow changes",
                this::follow);
    }

    /** The registered devices among these ids (those not in the record are absent). */
    Map<String, Registered> find(List<String> ids) {
        Map<String, Registered> found = new HashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String id : ids) {
            Registered known = kept.get(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        long started = System.nanoTime();
        Map<String, Registered> read = read(missing);
        found.putAll(read);
        if (loop.isRunning() && kept.size() < MOST_KEPT) {
            read.forEach((id, device) -> {
                Long gone = forgotten.get(id);
                if (started - allForgotten > 0 && (gone == null || started - gone > 0)) {
                    kept.put(id, device);
                }
            });
        }
        return found;
    }

    /** One look at the change feed: changed Devices forgotten; all forgotten if an Organization or Location changed. */
    private boolean follow() {
        long now = System.nanoTime();
        for (ChangeFeed.Change change : changes.fresh("Device")) {
            forgotten.put(change.id(), now);
            kept.remove(change.id());
        }
        if (!changes.fresh("Organization").isEmpty() | !changes.fresh("Location").isEmpty()) {
            allForgotten = now;
            kept.clear();
        }
        forgotten.values().removeIf(at -> now - at > Duration.ofMinutes(1).toNanos());
        return false;
    }

    @Override
    public synchronized void start() {
        changes = new FollowedChanges(feed, Duration.ofSeconds(5), Instant.now());
        allForgotten = System.nanoTime();
        kept.clear();
        PolledLifecycle.super.start();
    }

    @Override
    public synchronized void stop() {
        PolledLifecycle.super.stop();
        kept.clear();
    }

    private Map<String, Registered> read(List<String> ids) {
        Map<String, Registered> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<String> some = ids.subList(i, Math.min(ids.size(), i + 100));
            JsonNode bundle = fhir.handle(FhirAccess.SYSTEM, "GET", "Device?_id=" + String.join(",", some) + "&_count=" + some.size()
                    + "&_include=Device:organization&_include=Device:location", null).json();
            Map<String, JsonNode> included = new HashMap<>();
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode r = entry.path("resource");
                included.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), r);
            }
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode device = entry.path("resource");
                if (!"Device".equals(device.path("resourceType").asText())) {
                    continue;
                }
                String patient = device.at("/patient/reference").asText("");
                JsonNode owner = included.get(device.at("/owner/reference").asText());
                JsonNode location = included.get(device.at("/location/reference").asText());
                String ods = owner == null ? null : ods(owner);
                found.put(device.path("id").asText(), new Registered(patient.startsWith("Patient/") ? patient.substring(8) : "", ods,
                        owner == null ? null : owner.path("name").asText(null), location == null ? device.at("/location/display").asText(null)
                        : location.path("name").asText(null)));
            }
        }
        return found;
    }

    private static String ods(JsonNode organisation) {
        for (JsonNode identifier : organisation.path("identifier")) {
            if (ODS.equals(identifier.path("system").asText())) {
                return identifier.path("value").asText();
            }
        }
        return null;
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
