package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.MessageRequested;
import org.joinedup.notify.MessageStatuses;
import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follow-up windows coming to an end: the patient is told a fortnight before (once) that they can still ask; when
 * a window has ended the episode is finished and the clinic given a task to discharge the patient or follow them
 * up, in one transaction.
 */
@Component
class PifuWindows {

    private static final Logger log = LoggerFactory.getLogger(PifuWindows.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final StoreCalls store;
    private final SchedulingProperties properties;
    private final MessageStatuses messages;

    PifuWindows(StoreCalls store, SchedulingProperties properties, MessageStatuses messages) {
        this.store = store;
        this.properties = properties;
        this.messages = messages;
    }

    /** Answers how many windows were closed. */
    int check() {
        LocalDate today = LocalDate.now(WaitingList.ENGLAND);
        LocalDate noticeFrom = today.plusDays(properties.pifuNoticeBefore().toDays());
        int closed = 0;
        String query = "EpisodeOfCare?status=active&type=" + URLEncoder.encode(Pifu.TYPE + "|pifu", StandardCharsets.UTF_8) + "&_count=500";
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(FhirAccess.SYSTEM, query).body());
            for (JsonNode entry : page.path("entry")) {
                ObjectNode episode = (ObjectNode) entry.path("resource");
                LocalDate last = Pifu.lastDay(episode);
                if (last == null || !"EpisodeOfCare".equals(episode.path("resourceType").asText())) {
                    continue;
                }
                try {
                    if (last.isBefore(today)) {
                        close(episode);
                        closed++;
                    } else if (!last.isAfter(noticeFrom)) {
                        notice(episode, last);
                    }
                } catch (Refusal changed) {
                    log.info("Follow-up {} changed meanwhile; it is looked at again next time", episode.path("id").asText());
                }
            }
            query = StoreCalls.nextPage(page);
        }
        if (closed > 0) {
            log.info("Patient-initiated follow-up: {} windows ended and their clinics told", closed);
        }
        return closed;
    }

    private void close(ObjectNode episode) {
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, episode.deepCopy().put("status", "finished"));
        ObjectNode task = entries.addObject();
        task.set("resource", Pifu.task(episode, "The patient-initiated follow-up window has ended: discharge the patient or book a follow-up", "routine"));
        task.putObject("request").put("method", "POST").put("url", "Task");
        store.transaction(FhirAccess.SYSTEM, entries, "The episode changed meanwhile");
    }

    private void notice(JsonNode episode, LocalDate last) {
        String reference = "pifu/" + episode.path("id").asText() + "/ending/" + last;
        if (!messages.byReferencePrefix(reference).isEmpty()) {
            return; // told already
        }
        String organization = episode.at("/managingOrganization/reference").asText("");
        String place = organization.startsWith("Organization/")
                ? StoreCalls.parse(store.search(FhirAccess.SYSTEM, organization).body()).path("name").asText("the clinic") : "the clinic";
        String id = episode.path("id").asText();
        MessageRequested message = new MessageRequested(reference, Pifu.patient(episode).replaceFirst("^Patient/", ""),
                MessageKind.PIFU_ENDING, Map.of("place", place, "date", DATE.format(last)), "/portal/follow-up/" + id, null);
        store.publish(message);
    }
}
