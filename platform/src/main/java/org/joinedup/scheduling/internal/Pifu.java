package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * Patient-initiated follow-up: an active EpisodeOfCare of type {@code pifu} whose period is the window in which
 * the patient may ask for an appointment without a GP referral, with the clinic as managing organisation.
 */
final class Pifu {

    static final String TYPE = "https://fhir.joinedup.nhs.uk/CodeSystem/episode-type";

    private Pifu() {
    }

    static boolean isPifu(JsonNode episode) {
        for (JsonNode coding : episode.at("/type/0/coding")) {
            if (TYPE.equals(coding.path("system").asText()) && "pifu".equals(coding.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The window's last day, or null if open-ended. */
    static LocalDate lastDay(JsonNode episode) {
        String end = episode.at("/period/end").asText("");
        return end.length() < 10 ? null : LocalDate.parse(end.substring(0, 10));
    }

    static String patient(JsonNode episode) {
        return episode.at("/patient/reference").asText();
    }

    /** A task for the clinic about a patient on follow-up. */
    static ObjectNode task(JsonNode episode, String text, String priority) {
        ObjectNode task = StoreCalls.JSON.createObjectNode().put("resourceType", "Task").put("status", "requested").put("intent", "order")
                .put("priority", priority);
        task.putObject("code").put("text", text);
        task.putObject("focus").put("reference", "EpisodeOfCare/" + episode.path("id").asText());
        task.putObject("for").put("reference", patient(episode));
        task.put("authoredOn", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (episode.has("managingOrganization")) {
            task.set("owner", episode.path("managingOrganization"));
        }
        return task;
    }
}
