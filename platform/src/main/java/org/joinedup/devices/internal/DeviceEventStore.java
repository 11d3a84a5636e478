package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of events in one database transaction: each kept once (a multi-row insert that skips a device's
 * event id it has already), and the new vital signs written through the FHIR API as the client in the same
 * transaction, so an event is never kept without what it was written as, nor written twice. Events from a Device
 * not registered (or serving no patient, for vital signs) are kept as refused, with why.
 */
@Component
class DeviceEventStore {

    /** What a batch came to: how many were new, how many had been taken before, and the refused by event id. */
    record Taken(int accepted, int duplicates, Map<String, String> refused) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FhirApi fhir;

    DeviceEventStore(JdbcTemplate jdbc, TransactionTemplate transactions, FhirApi fhir) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fhir = fhir;
    }

    Taken take(FhirAccess caller, List<DeviceEvent> events) {
        Map<String, String> patients = registered(events); // device id to patient id ("" when it serves a place, not a person)
        Map<String, String> refused = new LinkedHashMap<>();
        List<DeviceEvent> fit = new ArrayList<>();
        for (DeviceEvent event : events) {
            String patient = patients.get(event.device());
            if (patient == null) {
                refused.put(event.id(), "Device/" + event.device() + " is not registered in the record");
            } else if (event.type().equals("vital-signs") && patient.isEmpty()) {
                refused.put(event.id(), "Device/" + event.device() + " serves no patient, so its vital signs cannot be recorded");
            } else {
                fit.add(event);
            }
        }
        Taken taken = transactions.execute(status -> {
            Set<String> fresh = insert(fit, patients, null);
            List<DeviceEvent> vitals = fit.stream().filter(e -> fresh.contains(e.device() + "/" + e.id()) && e.type().equals("vital-signs")).toList();
            Map<String, String> unreadable = new LinkedHashMap<>();
            write(caller, vitals, patients, unreadable);
            if (!unreadable.isEmpty()) {
                status.setRollbackOnly();
                return new Taken(0, 0, unreadable);
            }
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

    /** The vital signs as Observations, in one FHIR transaction; each event's Observations recorded against it. */
    private void write(FhirAccess caller, List<DeviceEvent> vitals, Map<String, String> patients, Map<String, String> unreadable) {
        if (vitals.isEmpty()) {
            return;
        }
        ArrayNode entries = VitalSignObservations.JSON.createArrayNode();
        List<String> owners = new ArrayList<>();
        for (DeviceEvent event : vitals) {
            List<String> problems = new ArrayList<>();
            for (ObjectNode observation : VitalSignObservations.of(event, patients.get(event.device()), problems)) {
                entries.addObject().<ObjectNode>set("resource", observation).putObject("request").put("method", "POST").put("url", "Observation");
                owners.add(event.device() + "/" + event.id());
            }
            problems.forEach(problem -> unreadable.put(event.id(), problem));
        }
        if (!unreadable.isEmpty()) {
            return;
        }
        ObjectNode bundle = VitalSignObservations.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        bundle.set("entry", entries);
        FhirApi.Answer answer = fhir.handle(caller, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            vitals.forEach(e -> unreadable.put(e.id(), "The record refused its readings: " + answer.text()));
            return;
        }
        JsonNode written = answer.json();
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            references.computeIfAbsent(owners.get(i), k -> new ArrayList<>())
                    .add(written.at("/entry/" + i + "/response/location").asText().replaceFirst("/_history/.*", ""));
        }
        jdbc.batchUpdate("UPDATE device_event SET written_as = ? WHERE device = ? AND event_id = ?", references.entrySet().stream() // device ids hold no '/'
                .map(e -> new Object[] {String.join(" ", e.getValue()), e.getKey().substring(0, e.getKey().indexOf('/')),
                        e.getKey().substring(e.getKey().indexOf('/') + 1)}).toList());
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

    /** The registered devices of these events, by id, with the patient each serves ("" for none). */
    private Map<String, String> registered(List<DeviceEvent> events) {
        Map<String, String> patients = new HashMap<>();
        List<String> ids = events.stream().map(DeviceEvent::device).distinct().toList();
        for (int i = 0; i < ids.size(); i += 100) {
            List<String> some = ids.subList(i, Math.min(ids.size(), i + 100));
            for (JsonNode device : fhir.handle(FhirAccess.SYSTEM, "GET", "Device?_id=" + String.join(",", some) + "&_count=" + some.size(), null)
                    .matches()) {
                String patient = device.at("/patient/reference").asText("");
                patients.put(device.path("id").asText(), patient.startsWith("Patient/") ? patient.substring(8) : "");
            }
        }
        return patients;
    }
}
