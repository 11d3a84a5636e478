package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.joinedup.access.PatientAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages a waiting list text opens: "do you still need to be seen?" ({@code /portal/waiting-list/{id}/validation},
 * answered through {@code ServiceRequest/$validation-answer} as the patient), and the patient-initiated
 * follow-up request ({@code /portal/follow-up/{id}}, through {@code EpisodeOfCare/$request-appointment}).
 */
@Controller
class WaitingListPages {

    static final Map<String, String> ANSWERS = Map.of("still-needed", "Yes, I still need to be seen",
            "no-longer-needed", "No, I no longer need to be seen", "wants-to-discuss", "I am not sure, I would like to talk to someone");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;

    WaitingListPages(PortalRecords records, PatientAccess access, PortalFhir fhir) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
    }

    @GetMapping("/portal/waiting-list/{id}/validation")
    String validation(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        JsonNode request = fhir.inRecord(access.of(authentication), records.required(authentication, session), "ServiceRequest", id, "/subject/reference");
        model.addAttribute("id", id);
        model.addAttribute("what", request.at("/code/text").asText("your appointment or treatment"));
        model.addAttribute("since", request.path("authoredOn").asText("").length() >= 10
                ? DATE.format(LocalDate.parse(request.path("authoredOn").asText().substring(0, 10))) : "");
        model.addAttribute("answers", ANSWERS);
        return "portal/waiting-list-validation";
    }

    @PostMapping("/portal/waiting-list/{id}/validation")
    String answer(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String answer,
                  RedirectAttributes redirect) {
        fhir.inRecord(access.of(authentication), records.required(authentication, session), "ServiceRequest", id, "/subject/reference");
        if (!ANSWERS.containsKey(answer)) {
            redirect.addFlashAttribute("problem", "Select whether you still need to be seen");
            return "redirect:/portal/waiting-list/" + id + "/validation";
        }
        String problem = fhir.post(access.of(authentication), "ServiceRequest/" + id + "/$validation-answer", PortalFhir.parameters("answer", answer, false));
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/portal/waiting-list/" + id + "/validation";
        }
        redirect.addFlashAttribute("answered", answer);
        return "redirect:/portal/waiting-list/" + id + "/validation/done";
    }

    @GetMapping("/portal/waiting-list/{id}/validation/done")
    String answered(Model model) {
        Object answer = model.getAttribute("answered");
        model.addAttribute("message", "wants-to-discuss".equals(answer) || "no-longer-needed".equals(answer)
                ? "Thank you. Someone from the hospital will phone you to talk about it. Until then you stay on the waiting list."
                : "Thank you. You stay on the waiting list, and we will contact you when we can offer you a date.");
        return "portal/waiting-list-answered";
    }

    @GetMapping("/portal/follow-up/{id}")
    String followUp(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        JsonNode episode = fhir.inRecord(access.of(authentication), records.required(authentication, session), "EpisodeOfCare", id, "/patient/reference");
        String end = episode.at("/period/end").asText("");
        model.addAttribute("id", id);
        model.addAttribute("until", end.length() >= 10 ? DATE.format(LocalDate.parse(end.substring(0, 10))) : "");
        model.addAttribute("open", "active".equals(episode.path("status").asText()));
        return "portal/follow-up";
    }

    @PostMapping("/portal/follow-up/{id}")
    String askForFollowUp(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String note,
                          RedirectAttributes redirect) {
        fhir.inRecord(access.of(authentication), records.required(authentication, session), "EpisodeOfCare", id, "/patient/reference");
        if (note.isBlank()) {
            redirect.addFlashAttribute("problem", "Tell us what has changed");
            return "redirect:/portal/follow-up/" + id;
        }
        String problem = fhir.post(access.of(authentication), "EpisodeOfCare/" + id + "/$request-appointment", PortalFhir.parameters("note", note.trim(), false));
        redirect.addFlashAttribute(problem == null ? "done" : "problem", problem == null
                ? "We have asked the clinic to book you an appointment. They will contact you, usually within 2 weeks." : problem);
        return "redirect:/portal/follow-up/" + id;
    }
}
