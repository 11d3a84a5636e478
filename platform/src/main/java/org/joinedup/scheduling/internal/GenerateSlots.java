package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code POST Schedule/{id}/$generate-slots} ({@code weeks}, default 12; {@code from}, default today): makes the
 * clinic's Slots from its weekly sessions (local times in England, so a 9 o'clock clinic stays at 9 across the
 * clock change), as many at each time as the session's capacity. Running it again adds only what is missing
 * (each Slot is created only if none has its identifier). On a closure's days no Slot is made, free ones are
 * marked busy-unavailable with the reason, and booked ones are counted for staff to rebook. Answers Parameters
 * with {@code created}, {@code closed} and {@code toRebook}.
 */
@Component
class GenerateSlots extends SchedulingOperation {

    static final String SLOT_KEYS = "urn:joinedup:slot";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final int CHUNK = 500;
    /** A FHIR instant with its local offset: 2027-03-29T09:00:00+01:00. */
    private static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final StoreCalls store;

    GenerateSlots(StoreCalls store) {
        this.store = store;
    }

    @Override
    public String resourceType() {
        return "Schedule";
    }

    @Override
    public String name() {
        return "generate-slots";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        ObjectNode schedule = store.read(caller, "Schedule/" + instance(id));
        ClinicSessions clinic = ClinicSessions.of(schedule);
        if (clinic.sessions().isEmpty()) {
            throw new Refusal(422, "business-rule", "The Schedule has no clinic-session extension to make slots from");
        }
        int weeks = number(input.get("weeks"), 12, 52);
        LocalDate from = day(input.get("from"));
        int created = 0;
        int closed = 0;
        int toRebook = 0;
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        for (LocalDate day = from; day.isBefore(from.plusWeeks(weeks)); day = day.plusDays(1)) {
            if (clinic.closedOn(day)) {
                int[] counts = close(caller, schedule, day, clinic);
                closed += counts[0];
                toRebook += counts[1];
                continue;
            }
            for (ClinicSessions.Session session : clinic.sessions()) {
                if (session.day() != day.getDayOfWeek()) {
                    continue;
                }
                for (LocalTime t = session.start(); !t.plusMinutes(session.slotMinutes()).isAfter(session.end()); t = t.plusMinutes(session.slotMinutes())) {
                    for (int place = 1; place <= session.capacity(); place++) {
                        entries.add(slot(schedule, day, t, session.slotMinutes(), place));
                    }
                }
            }
            if (entries.size() >= CHUNK) {
                created += write(caller, entries);
                entries = StoreCalls.JSON.createArrayNode();
            }
        }
        created += write(caller, entries);
        ObjectNode result = StoreCalls.JSON.createObjectNode().put("resourceType", "Parameters");
        result.putArray("parameter").add(count("created", created)).add(count("closed", closed)).add(count("toRebook", toRebook));
        return resource(200, result);
    }

    private static ObjectNode slot(ObjectNode schedule, LocalDate day, LocalTime time, int minutes, int place) {
        String key = schedule.path("id").asText() + "/" + day + "T" + time + "/" + place;
        ObjectNode slot = StoreCalls.JSON.createObjectNode().put("resourceType", "Slot");
        slot.putArray("identifier").addObject().put("system", SLOT_KEYS).put("value", key);
        if (schedule.has("serviceType")) {
            slot.set("serviceType", schedule.path("serviceType"));
        }
        slot.putObject("schedule").put("reference", "Schedule/" + schedule.path("id").asText());
        slot.put("status", "free");
        ZonedDateTime start = ZonedDateTime.of(day, time, ENGLAND);
        slot.put("start", INSTANT.format(start)).put("end", INSTANT.format(start.plusMinutes(minutes)));
        ObjectNode entry = StoreCalls.JSON.createObjectNode();
        entry.set("resource", slot);
        entry.putObject("request").put("method", "POST").put("url", "Slot")
                .put("ifNoneExist", "identifier=" + URLEncoder.encode(SLOT_KEYS + "|" + key, StandardCharsets.UTF_8));
        return entry;
    }

    /** Writes the Slots not already there; how many were new. */
    private int write(FhirAccess caller, ArrayNode entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        JsonNode response = store.transaction(caller, entries, "The clinic's slots changed while they were being made: try again");
        int created = 0;
        for (JsonNode entry : response.path("entry")) {
            created += entry.at("/response/status").asText().startsWith("201") ? 1 : 0;
        }
        return created;
    }

    /** Marks the day's free slots unavailable; answers how many, and how many booked ones need rebooking. */
    private int[] close(FhirAccess caller, ObjectNode schedule, LocalDate day, ClinicSessions clinic) {
        String reason = clinic.closures().stream().filter(c -> c.covers(day)).findFirst().map(ClinicSessions.Closure::reason).orElse("closed");
        String window = "&start=ge" + ZonedDateTime.of(day, LocalTime.MIDNIGHT, ENGLAND).toInstant() + "&start=lt"
                + ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, ENGLAND).toInstant() + "&_count=500";
        String base = "Slot?schedule=Schedule/" + schedule.path("id").asText();
        JsonNode free = StoreCalls.parse(store.search(caller, base + "&status=free" + window).body());
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        for (JsonNode entry : free.path("entry")) {
            StoreCalls.put(entries, ((ObjectNode) entry.path("resource")).put("status", "busy-unavailable").put("comment", reason));
        }
        if (!entries.isEmpty()) {
            store.transaction(caller, entries, "A slot on a closed day changed meanwhile: try again");
        }
        JsonNode booked = StoreCalls.parse(store.search(caller, base + "&status=busy&_summary=count" + window).body());
        return new int[] {entries.size(), booked.path("total").asInt()};
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? LocalDate.now(ENGLAND) : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(400, "invalid", "'" + value + "' is not a date such as 2027-03-22");
        }
    }

    private static ObjectNode count(String name, int value) {
        return StoreCalls.JSON.createObjectNode().put("name", name).put("valueInteger", value);
    }

    private static int number(String value, int otherwise, int max) {
        try {
            return value == null ? otherwise : Math.max(1, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "invalid", "'" + value + "' is not a number of weeks");
        }
    }
}
