package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a batch's new events are written to the record as, through the FHIR API as the sending client, in the batch's
 * database transaction: vital signs, falls and a dispenser's own events as Observations, doses as
 * MedicationAdministrations of the person's own prescriptions; each event's references kept against it.
 */
@Component
class DeviceRecords {

    private final JdbcTemplate jdbc;
    private final FhirApi fhir;

    DeviceRecords(JdbcTemplate jdbc, FhirApi fhir) {
        this.jdbc = jdbc;
        this.fhir = fhir;
    }

    /**
     * The vital signs and falls as Observations and doses as MedicationAdministrations, in one FHIR transaction; what
     * each event was written as recorded against it. The references written, by event ({@code device/event id}).
     */
    Map<String, List<String>> write(FhirAccess caller, List<DeviceEvent> events, Map<String, Registered> devices,
                                            Map<String, String> unreadable) {
        if (events.isEmpty()) {
            return Map.of();
        }
        ArrayNode entries = VitalSignObservations.JSON.createArrayNode();
        List<String> owners = new ArrayList<>();
        Map<String, JsonNode> prescriptions = prescriptions(caller, events);
        for (DeviceEvent event : events) {
            List<String> problems = new ArrayList<>();
            String patient = devices.get(event.device()).patient();
            List<ObjectNode> resources;
            if (event.type().equals("vital-signs")) {
                resources = VitalSignObservations.of(event, patient, problems);
            } else if (DispenserEvents.recordsDose(event)) {
                DispenserEvents.requests(event).stream().filter(id -> !prescriptions.containsKey(id)
                                || !("Patient/" + patient).equals(prescriptions.get(id).at("/subject/reference").asText()))
                        .forEach(id -> problems.add("MedicationRequest/" + id + " is not one of Patient/" + patient + "'s prescriptions"));
                resources = problems.isEmpty() ? DispenserEvents.administrations(event, patient, prescriptions) : List.of();
            } else if (DispenserEvents.aboutDevice(event)) {
                resources = List.of(DispenserEvents.deviceObservation(event, patient));
            } else {
                resources = List.of(LampEvents.fallObservation(event, devices.get(event.device())));
            }
            for (ObjectNode resource : resources) {
                entries.addObject().<ObjectNode>set("resource", resource).putObject("request").put("method", "POST")
                        .put("url", resource.path("resourceType").asText());
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
            events.forEach(e -> unreadable.put(e.id(), "The record refused what the events were written as: " + answer.text()));
            return Map.of();
        }
        JsonNode written = answer.json();
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            references.computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(FhirApi.Answer.written(written, i));
        }
        jdbc.batchUpdate("UPDATE device_event SET written_as = ? WHERE device = ? AND event_id = ?", references.entrySet().stream() // device ids hold no '/'
                .map(e -> new Object[] {String.join(" ", e.getValue()), e.getKey().substring(0, e.getKey().indexOf('/')),
                        e.getKey().substring(e.getKey().indexOf('/') + 1)}).toList());
        return references;
    }

    /** The prescriptions the batch's dose events name, read as the client (by id). */
    private Map<String, JsonNode> prescriptions(FhirAccess caller, List<DeviceEvent> events) {
        List<String> ids = events.stream().filter(DispenserEvents::recordsDose).flatMap(e -> DispenserEvents.requests(e).stream()).distinct().toList();
        Map<String, JsonNode> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<String> some = ids.subList(i, Math.min(ids.size(), i + 100));
            fhir.handle(caller, "GET", "MedicationRequest?_id=" + String.join(",", some) + "&_count=" + some.size(), null).matches()
                    .forEach(r -> found.put(r.path("id").asText(), r));
        }
        return found;
    }
}
