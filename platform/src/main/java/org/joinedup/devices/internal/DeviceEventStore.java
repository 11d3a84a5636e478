package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.devices.DevicesProperties;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of events in one database transaction: each kept once (a multi-row insert that skips a device's
 * event id it has already), the new vital signs and falls written through the FHIR API as the client, and the
 * alerts of falls lamps' events asked for (kept in the event publication registry), all in the same transaction, so
 * an event is never kept without what it was written as and its alert, nor written or alerted twice. Events from a
 * Device not registered (or serving no patient, for vital signs; with no owner, for a lamp's alerts) are kept as
 * refused, with why.
 */
@Component
class DeviceEventStore {

    /** What a batch came to: how many were new, how many had been taken before, and the refused by event id. */
    record Taken(int accepted, int duplicates, Map<String, String> refused) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FhirApi fhir;
    private final DeviceRegistry registry;
    private final ApplicationEventPublisher alerts;
    private final DevicesProperties properties;

    DeviceEventStore(JdbcTemplate jdbc, TransactionTemplate transactions, FhirApi fhir, DeviceRegistry registry, ApplicationEventPublisher alerts,
                     DevicesProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fhir = fhir;
        this.registry = registry;
        this.alerts = alerts;
        this.properties = properties;
    }

    Taken take(FhirAccess caller, List<DeviceEvent> events, Instant received) {
        Map<String, Registered> devices = registry.find(events.stream().map(DeviceEvent::device).distinct().toList());
        Map<String, String> refused = new LinkedHashMap<>();
        List<DeviceEvent> fit = new ArrayList<>();
        for (DeviceEvent event : events) {
            Registered device = devices.get(event.device());
            if (device == null) {
                refused.put(event.id(), "Device/" + event.device() + " is not registered in the record");
            } else if (event.type().equals("vital-signs") && device.patient().isEmpty()) {
                refused.put(event.id(), "Device/" + event.device() + " serves no patient, so its vital signs cannot be recorded");
            } else if (LampEvents.isLampEvent(event) && device.organisation() == null) {
                refused.put(event.id(), "Device/" + event.device() + " has no owner organisation with an ODS code, so no one could be alerted");
            } else {
                fit.add(event);
            }
        }
        Map<String, String> patients = new HashMap<>();
        devices.forEach((id, device) -> patients.put(id, device.patient()));
        Taken taken = transactions.execute(status -> {
            Set<String> fresh = insert(fit, patients, null);
            List<DeviceEvent> written = fit.stream().filter(e -> fresh.contains(e.device() + "/" + e.id()) && (e.type().equals("vital-signs")
                    || (LampEvents.isFall(e) && !devices.get(e.device()).patient().isEmpty()))).toList();
            Map<String, String> unreadable = new LinkedHashMap<>();
            Map<String, List<String>> references = write(caller, written, devices, unreadable);
            if (!unreadable.isEmpty()) {
                status.setRollbackOnly();
                return new Taken(0, 0, unreadable);
            }
            fit.stream().filter(e -> fresh.contains(e.device() + "/" + e.id()) && LampEvents.alerts(e, properties)).forEach(e -> alerts.publishEvent(
                    LampEvents.alert(e, devices.get(e.device()), references.getOrDefault(e.device() + "/" + e.id(), List.of()).stream().findFirst()
                            .orElse(null), received)));
            return new Taken(fresh.size(), fit.size() - fresh.size(), Map.of());
        });
        if (!taken.refused().isEmpty()) { // nothing of the batch was taken: the events are kept as refused, to be sent again once put right
            Map<String, String> why = new HashMap<>(taken.refused());
            fit.forEach(e -> why.putIfAbsent(e.id(), "Another event of its batch was refused; send the batch again once that is put right"));
            transactions.executeWithoutResult(status -> insert(fit, patients, why));
            refused.putAll(why);
            taken = new Taken(0, 0, refused);
        } else if (!refused.isEmpty()) {
            Map<String, String> why = new HashMap<>(refused);
            transactions.executeWithoutResult(status -> insert(events.stream().filter(e -> why.containsKey(e.id())).toList(), patients, why));
            taken = new Taken(taken.accepted(), taken.duplicates(), refused);
        }
        return taken;
    }

    /**
     * The vital signs and falls as Observations, in one FHIR transaction; each event's Observations recorded against
     * it. The Observations' references by event ({@code device/event id}).
     */
    private Map<String, List<String>> write(FhirAccess caller, List<DeviceEvent> events, Map<String, Registered> devices,
                                            Map<String, String> unreadable) {
        if (events.isEmpty()) {
            return Map.of();
        }
        ArrayNode entries = VitalSignObservations.JSON.createArrayNode();
        List<String> owners = new ArrayList<>();
        for (DeviceEvent event : events) {
            List<String> problems = new ArrayList<>();
            List<ObjectNode> observations = event.type().equals("vital-signs")
                    ? VitalSignObservations.of(event, devices.get(event.device()).patient(), problems)
                    : List.of(LampEvents.fallObservation(event, devices.get(event.device())));
            for (ObjectNode observation : observations) {
                entries.addObject().<ObjectNode>set("resource", observation).putObject("request").put("method", "POST").put("url", "Observation");
                owners.add(event.device() + "/" + event.id());
            }
            problems.forEach(problem -> unreadable.put(event.id(), problem));
        }
        if (!unreadable.isEmpty()) {
            return Map.of();
        }
        ObjectNode bundle = VitalSignObservations.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        bundle.set("entry", entries);
        FhirApi.Answer answer = fhir.handle(caller, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            events.forEach(e -> unreadable.put(e.id(), "The record refused its readings: " + answer.text()));
            return Map.of();
        }
        JsonNode written = answer.json();
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            references.computeIfAbsent(owners.get(i), k -> new ArrayList<>())
                    .add(written.at("/entry/" + i + "/response/location").asText().replaceFirst("/_history/.*", "").replaceFirst("^.*/([A-Za-z]+/[^/]+)$", "$1"));
        }
        jdbc.batchUpdate("UPDATE device_event SET written_as = ? WHERE device = ? AND event_id = ?", references.entrySet().stream() // device ids hold no '/'
                .map(e -> new Object[] {String.join(" ", e.getValue()), e.getKey().substring(0, e.getKey().indexOf('/')),
                        e.getKey().substring(e.getKey().indexOf('/') + 1)}).toList());
        return references;
    }

    /** Inserts the events not kept before (as refused, with why, when given); the keys of those inserted. */
    private Set<String> insert(List<DeviceEvent> events, Map<String, String> patients, Map<String, String> refused) {
        if (events.isEmpty()) {
            return Set.of();
        }
        List<String> inserted = jdbc.execute((Connection c) -> {
            try (var statement = c.prepareStatement("INSERT INTO device_event (device, event_id, kind, occurred_at, patient, payload, refused) "
                    + "SELECT d, e, k, o::timestamptz, nullif(p, ''), j::jsonb, r FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                    + "?::text[]) AS t(d, e, k, o, p, j, r) ON CONFLICT (device, event_id) DO NOTHING RETURNING device || '/' || event_id")) {
                statement.setArray(1, array(c, events.stream().map(DeviceEvent::device)));
                statement.setArray(2, array(c, events.stream().map(DeviceEvent::id)));
                statement.setArray(3, array(c, events.stream().map(DeviceEvent::type)));
                statement.setArray(4, array(c, events.stream().map(e -> e.at().toString())));
                statement.setArray(5, array(c, events.stream().map(e -> patients.getOrDefault(e.device(), ""))));
                statement.setArray(6, array(c, events.stream().map(e -> e.payload().toString())));
                statement.setArray(7, array(c, events.stream().map(e -> refused == null ? null : refused.get(e.id()))));
                List<String> keys = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                return keys;
            }
        });
        return new HashSet<>(inserted);
    }

    private static Array array(Connection c, java.util.stream.Stream<String> values) throws java.sql.SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
