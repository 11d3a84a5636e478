package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.MessageRequested;
import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The waiting list validation campaign: every patient waiting longer than {@code weeks} who has not been asked
 * (or who said they still need to be seen that long ago) is sent a text or email with a link to answer; each ask
 * is recorded on the entry with the message, in one transaction. An ask unanswered after {@code answerWithin}
 * becomes {@code no-answer}, which, like "no longer needed" and "want to discuss", puts the patient on the
 * clinicians' worklist for a call.
 */
@Component
class WaitingListValidation {

    private static final Logger log = LoggerFactory.getLogger(WaitingListValidation.class);

    private final StoreCalls store;
    private final SchedulingProperties properties;

    WaitingListValidation(StoreCalls store, SchedulingProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Asks everyone due to be asked; answers how many were asked and how many became no-answer. */
    int[] campaign(int weeks) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate waitingSince = LocalDate.now(WaitingList.ENGLAND).minusWeeks(weeks);
        Map<String, String> places = new HashMap<>();
        int asked = 0;
        int unanswered = 0;
        String query = "ServiceRequest?status=active&category=" + encode(WaitingList.CATEGORY + "|outpatient," + WaitingList.CATEGORY + "|surgery")
                + "&authored=le" + waitingSince + "&_count=500";
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(FhirAccess.SYSTEM, query).body());
            for (JsonNode entry : page.path("entry")) {
                ObjectNode request = (ObjectNode) entry.path("resource");
                if (!"ServiceRequest".equals(request.path("resourceType").asText())) {
                    continue;
                }
                String outcome = WaitingList.outcome(request);
                Instant last = WaitingList.asked(request) == null ? null : Instant.parse(WaitingList.asked(request));
                try {
                    if ("asked".equals(outcome) && last.isBefore(now.minus(properties.answerWithin()))) {
                        WaitingList.validation(request, WaitingList.asked(request), "no-answer");
                        write(request);
                        unanswered++;
                    } else if (outcome == null || ("still-needed".equals(outcome) && last.isBefore(now.minus(weeks * 7L, ChronoUnit.DAYS)))) {
                        ask(request, now, places);
                        asked++;
                    }
                } catch (Refusal changed) {
                    log.info("Waiting list validation: {} changed meanwhile; it is looked at again next time", request.path("id").asText());
                }
            }
            query = StoreCalls.nextPage(page);
        }
        if (asked + unanswered > 0) {
            log.info("Waiting list validation: {} patients asked, {} did not answer in time", asked, unanswered);
        }
        return new int[] {asked, unanswered};
    }

    private void ask(ObjectNode request, Instant now, Map<String, String> places) {
        String id = request.path("id").asText();
        WaitingList.validation(request, now.toString(), "asked");
        String performer = request.at("/performer/0/reference").asText("");
        String place = places.computeIfAbsent(performer, reference -> reference.startsWith("Organization/")
                ? StoreCalls.parse(store.search(FhirAccess.SYSTEM, reference).body()).path("name").asText("the hospital") : "the hospital");
        MessageRequested message = new MessageRequested("waiting-list/" + id + "/validation/" + now.getEpochSecond(), WaitingList.patientId(request),
                MessageKind.WAITING_LIST_VALIDATION, Map.of("place", place), "/portal/waiting-list/" + id + "/validation", null);
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, request);
        store.transaction(FhirAccess.SYSTEM, entries, "The entry changed meanwhile", message);
    }

    private void write(ObjectNode request) {
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, request);
        store.transaction(FhirAccess.SYSTEM, entries, "The entry changed meanwhile");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The campaign's schedule: as configured, asking those waiting longer than the configured weeks. */
    void scheduled() {
        campaign(properties.validateAfterWeeks());
    }

    static List<String> answers() {
        return List.of("still-needed", "no-longer-needed", "wants-to-discuss");
    }
}
