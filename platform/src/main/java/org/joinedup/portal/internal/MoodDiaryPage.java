package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mood diary ({@code /portal/mood}): a score from 0 (very low) to 10 (very good) and an optional note, once a
 * day (a second entry the same day replaces the first, as a new version), kept as an Observation the care team
 * sees; with a chart and a table of the last eight weeks. A very low score (0 to 2) is answered at once with
 * where to get urgent help, since the care team may not read the diary the same day.
 */
@Controller
class MoodDiaryPage {

    static final String CODES = "https://fhir.joinedup.nhs.uk/CodeSystem/patient-reported";
    static final String MOOD = "mood-score";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final FhirApi api;

    MoodDiaryPage(PortalRecords records, PatientAccess access, PortalFhir fhir, FhirApi api) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.api = api;
    }

    /** An entry as listed. Public only so that the template can read it. */
    public record Entry(String day, int score, String note) {
    }

    @GetMapping("/portal/mood")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        LocalDate today = LocalDate.now(ENGLAND);
        List<JsonNode> entries = entries(access.of(authentication), current, today.minusDays(MoodChart.DAYS - 1));
        model.addAttribute("current", current);
        model.addAttribute("chart", MoodChart.svg(entries.stream().map(o -> new MoodChart.Point(day(o), o.path("valueInteger").asInt())).toList(), today));
        model.addAttribute("entries", entries.stream().map(o -> new Entry(DAY.format(day(o)), o.path("valueInteger").asInt(), o.at("/note/0/text").asText("")))
                .toList());
        model.addAttribute("today", entries.stream().anyMatch(o -> day(o).equals(today)));
        return "portal/mood";
    }

    @PostMapping("/portal/mood")
    String record(Authentication authentication, HttpSession session, @RequestParam(defaultValue = "") String score,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        Integer value = score.matches("\\d{1,2}") ? Integer.valueOf(score) : null;
        if (value == null || value > 10) {
            redirect.addFlashAttribute("problem", "Select how you feel today, from 0 to 10");
            redirect.addFlashAttribute("draft", note);
            return "redirect:/portal/mood";
        }
        if (note.trim().length() > 500) {
            redirect.addFlashAttribute("problem", "Your note must be 500 characters or fewer");
            redirect.addFlashAttribute("draft", note);
            return "redirect:/portal/mood";
        }
        LocalDate today = LocalDate.now(ENGLAND);
        List<JsonNode> todays = entries(as, current, today);
        ObjectNode observation = todays.isEmpty() ? PortalFhir.JSON.createObjectNode() : (ObjectNode) todays.getFirst();
        observation.put("resourceType", "Observation").put("status", todays.isEmpty() ? "final" : "amended");
        observation.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "survey").put("display", "Survey");
        observation.putObject("code").put("text", "Mood score").putArray("coding").addObject().put("system", CODES).put("code", MOOD).put("display", "Mood score");
        observation.putObject("subject").put("reference", "Patient/" + current.patientId());
        observation.put("effectiveDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        observation.putArray("performer").addObject().put("reference", "Patient/" + current.patientId());
        observation.put("valueInteger", value);
        observation.remove("note");
        if (!note.isBlank()) {
            observation.putArray("note").addObject().put("text", note.trim());
        }
        FhirApi.Answer answer = todays.isEmpty() ? api.handle(as, "POST", "Observation", bytes(observation))
                : api.handle(as, "PUT", "Observation/" + observation.path("id").asText(), bytes(observation));
        if (answer.status() >= 300) {
            redirect.addFlashAttribute("problem", "Sorry, your entry could not be saved. Try again.");
            redirect.addFlashAttribute("draft", note);
        } else {
            redirect.addFlashAttribute("done", "Saved. Your care team can see your diary.");
            redirect.addFlashAttribute("lowMood", value <= 2); // a very low score: where to get help now, at once
        }
        return "redirect:/portal/mood";
    }

    private List<JsonNode> entries(FhirAccess as, RecordChoice current, LocalDate from) {
        return fhir.search(as, "Observation?patient=Patient/" + current.patientId() + "&code=" + CODES + "|" + MOOD + "&date=ge" + from
                + "&_sort=-date&_count=200");
    }

    private static LocalDate day(JsonNode observation) {
        String when = observation.path("effectiveDateTime").asText("");
        try {
            return Instant.parse(when).atZone(ENGLAND).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.parse(when.substring(0, Math.min(10, when.length()))); // a date without a time
        }
    }

    private static byte[] bytes(ObjectNode resource) {
        return resource.toString().getBytes(StandardCharsets.UTF_8);
    }
}
