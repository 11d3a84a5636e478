package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.notify.MessageRequested;
import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks for appointment reminders when they fall due: for each reminder time in the services' rules (7 days, 1
 * day...), the booked appointments starting that long from now (looking back to the last look, and 12 hours at
 * start, so a pause or restart misses none; an appointment booked nearer than a reminder time gets only the later reminders). Each reminder's
 * reference names the appointment, its time and the offset, so asking again changes nothing and a moved
 * appointment is reminded afresh. Cancelled, missed and past appointments are never searched for.
 */
@Component
class AppointmentReminders {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
    private static final Duration LOOKBACK = Duration.ofHours(12);

    private final StoreCalls store;
    private final SchedulingProperties properties;
    private Instant lastLook;

    AppointmentReminders(StoreCalls store, SchedulingProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * One look for reminders due now; answers how many were asked for. The first look reaches 12 hours back; each
     * later one reaches back to a minute before the last, plus the appointments booked or moved since then (which
     * may already be inside a reminder's time), so a reminder is rarely asked for twice (and then ignored).
     */
    synchronized int remindDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration back = lastLook == null ? LOOKBACK : Duration.between(lastLook, now).plusMinutes(1);
        if (back.compareTo(LOOKBACK) > 0) {
            back = LOOKBACK;
        }
        TreeSet<Duration> offsets = new TreeSet<>(properties.rules().reminders());
        properties.services().values().forEach(rules -> offsets.addAll(rules.reminders()));
        Map<String, String> places = new HashMap<>();
        int asked = 0;
        for (Duration before : offsets) {
            Instant to = now.plus(before);
            asked += ask("Appointment?status=booked&date=gt" + encode(to.minus(back)) + "&date=le" + encode(to) + "&_count=500", before, places);
            if (back.compareTo(LOOKBACK) < 0) {
                asked += ask("Appointment?status=booked&_lastUpdated=ge" + encode(lastLook.minus(1, ChronoUnit.MINUTES)) + "&date=gt"
                        + encode(to.minus(LOOKBACK)) + "&date=le" + encode(to) + "&_count=500", before, places);
            }
        }
        lastLook = now;
        if (asked > 0) {
            log.info("Appointments: {} reminders asked for", asked);
        }
        return asked;
    }

    private int ask(String query, Duration before, Map<String, String> places) {
        int asked = 0;
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(FhirAccess.SYSTEM, query).body());
            List<MessageRequested> requests = new ArrayList<>();
            for (JsonNode entry : page.path("entry")) {
                JsonNode appointment = entry.path("resource");
                if (!"Appointment".equals(appointment.path("resourceType").asText())
                        || !properties.rulesFor(appointment.at("/serviceType/0/coding/0/code").asText(null)).reminders().contains(before)) {
                    continue;
                }
                String patient = patientOf(appointment);
                if (patient != null) {
                    requests.add(Reminders.reminder(appointment, patient, place(appointment, places), before));
                }
            }
            store.publish(requests.toArray());
            asked += requests.size();
            query = StoreCalls.nextPage(page);
        }
        return asked;
    }

    private static String patientOf(JsonNode appointment) {
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.at("/actor/reference").asText();
            if (reference.startsWith("Patient/")) {
                return reference.substring("Patient/".length());
            }
        }
        return null;
    }

    /** Where: the appointment's Location, else its HealthcareService, by name. */
    private String place(JsonNode appointment, Map<String, String> places) {
        for (String type : List.of("Location/", "HealthcareService/")) {
            for (JsonNode participant : appointment.path("participant")) {
                String reference = participant.at("/actor/reference").asText();
                if (reference.startsWith(type)) {
                    return places.computeIfAbsent(reference, r -> {
                        FhirApi.Answer answer = store.search(FhirAccess.SYSTEM, r);
                        return answer.status() == 200 ? StoreCalls.parse(answer.body()).path("name").asText("the clinic") : "the clinic";
                    });
                }
            }
        }
        return "the clinic";
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
