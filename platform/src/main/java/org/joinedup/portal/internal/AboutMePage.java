package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.shared.PersonalisedCare;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "What matters to me" ({@code /portal/about-me}): what the patient wants their carers to know, in their own
 * words, each kept as a Goal the care team sees on the record's summary. Changing one writes a new version (who
 * and when are kept); taking one away marks it cancelled, never deletes it. A proxy's words say so.
 */
@Controller
class AboutMePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final int LONGEST = 1000;

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final FhirApi api;

    AboutMePage(PortalRecords records, PatientAccess access, PortalFhir fhir, FhirApi api) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.api = api;
    }

    /** A statement as listed. Public only so that the template can read it. */
    public record Statement(String id, String text, String since, String by) {
    }

    @GetMapping("/portal/about-me")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        List<Statement> statements = fhir.search(access.of(authentication), "Goal?patient=Patient/" + current.patientId() + "&category="
                + PersonalisedCare.SYSTEM + "|" + PersonalisedCare.WHAT_MATTERS_TO_ME + "&lifecycle-status=active&_count=50").stream()
                .map(goal -> new Statement(goal.path("id").asText(), goal.at("/description/text").asText(), day(goal.path("startDate").asText("")),
                        goal.at("/expressedBy/display").asText(""))).toList();
        model.addAttribute("current", current);
        model.addAttribute("statements", statements);
        return "portal/about-me";
    }

    @PostMapping("/portal/about-me")
    String add(Authentication authentication, HttpSession session, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        String problem = checked(text);
        if (problem == null) {
            ObjectNode goal = PortalFhir.JSON.createObjectNode().put("resourceType", "Goal").put("lifecycleStatus", "active");
            goal.putArray("category").addObject().putArray("coding").addObject().put("system", PersonalisedCare.SYSTEM)
                    .put("code", PersonalisedCare.WHAT_MATTERS_TO_ME).put("display", "What matters to me");
            goal.putObject("description").put("text", text.trim());
            goal.putObject("subject").put("reference", "Patient/" + current.patientId());
            goal.put("startDate", LocalDate.now(ZoneId.of("Europe/London")).toString());
            goal.putObject("expressedBy").put("reference", "Patient/" + current.patientId())
                    .put("display", current.own() ? "The patient" : "Someone the patient named to act for them");
            problem = fhir.post(access.of(authentication), "Goal", goal);
        }
        return back(problem, "Thank you. The people caring for you will see this.", text, redirect);
    }

    @PostMapping("/portal/about-me/{id}")
    String change(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String text,
                  @RequestParam(defaultValue = "change") String action, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        ObjectNode goal = (ObjectNode) fhir.inRecord(as, current, "Goal", id, "/subject/reference");
        String problem = null;
        if ("remove".equals(action)) {
            goal.put("lifecycleStatus", "cancelled");
        } else {
            problem = checked(text);
            goal.putObject("description").put("text", text.trim());
        }
        if (problem == null) {
            FhirApi.Answer answer = api.handle(as, "PUT", "Goal/" + id, goal.toString().getBytes(StandardCharsets.UTF_8));
            problem = answer.status() < 300 ? null : "Sorry, that could not be saved. Try again.";
        }
        return back(problem, "remove".equals(action) ? "Taken away. Your care team will no longer see it." : "Changed. Your care team will see the new words.",
                text, redirect);
    }

    private static String checked(String text) {
        if (text.isBlank()) {
            return "Enter what matters to you";
        }
        return text.trim().length() > LONGEST ? "What matters to you must be " + LONGEST + " characters or fewer" : null;
    }

    private static String back(String problem, String done, String text, RedirectAttributes redirect) {
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("draft", text); // nothing typed is lost
        } else {
            redirect.addFlashAttribute("done", done);
        }
        return "redirect:/portal/about-me";
    }

    private static String day(String date) {
        return date.length() >= 10 ? DAY.format(LocalDate.parse(date.substring(0, 10))) : "";
    }
}
