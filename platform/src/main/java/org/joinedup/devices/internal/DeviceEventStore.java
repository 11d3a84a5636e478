package org.joinedup.devices.internal;

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
    private final DeviceRecords records;
    private final DeviceRegistry registry;
    private final ApplicationEventPublisher alerts;
    private final DevicesProperties properties;

    DeviceEventStore(JdbcTemplate jdbc, TransactionTemplate transactions, DeviceRecords records, DeviceRegistry registry, ApplicationEventPublisher alerts,
                     DevicesProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.records = records;
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
            } else if ((LampEvents.isLampEvent(event) || DispenserEvents.alerts(event)) && device.organisation() == null) {
                refused.put(event.id(), "Device/" + event.device() + " has no owner organisation with an ODS code, so no one could be alerted");
            } else if (DispenserEvents.recordsDose(event) && device.patient().isEmpty()) {
                refused.put(event.id(), "Device/" + event.device() + " serves no patient, so its doses cannot be recorded");
            } else if (DispenserEvents.recordsDose(event) && DispenserEvents.requests(event) == null) {
                refused.put(event.id(), "Event " + event.id() + " needs \"medicationRequests\": the prescriptions the dose was for, as the schedule gave them");
            } else {
                fit.add(event);
            }
        }
        Map<String, String> patients = new HashMap<>();
        devices.forEach((id, device) -> patients.put(id, device.patient()));
        Taken taken = transactions.execute(status -> {
            Set<String> fresh = insert(fit, patients, null);
            List<DeviceEvent> written = fit.stream().filter(e -> fresh.contains(e.device() + "/" + e.id()) && (e.type().equals("vital-signs")
                    || DispenserEvents.recordsDose(e) || DispenserEvents.aboutDevice(e)
                    || (LampEvents.isFall(e) && !devices.get(e.device()).patient().isEmpty()))).toList();
            Map<String, String> unreadable = new LinkedHashMap<>();
            Map<String, List<String>> references = records.write(caller, written, devices, unreadable);
            if (!unreadable.isEmpty()) {
                status.setRollbackOnly();
                return new Taken(0, 0, unreadable);
            }
            for (DeviceEvent e : fit) {
                String key = e.device() + "/" + e.id();
                String subject = references.getOrDefault(key, List.of()).stream().findFirst().orElse(null);
                if (fresh.contains(key) && LampEvents.alerts(e, properties)) {
                    alerts.publishEvent(LampEvents.alert(e, devices.get(e.device()), subject, received));
                } else if (fresh.contains(key) && DispenserEvents.alerts(e)) {
                    alerts.publishEvent(DispenserEvents.alert(e, devices.get(e.device()), subject, received));
                }
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
