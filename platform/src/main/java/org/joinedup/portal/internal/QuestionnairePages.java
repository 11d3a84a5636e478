package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.forms.Form;
import org.joinedup.forms.Questionnaires;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Questionnaires ({@code /portal/questionnaires}): each shipped questionnaire as one page that works without
 * JavaScript; answers kept as a draft to come back to ("Save and come back later"); on "Submit", every problem
 * listed in the NHS error summary with the answers kept; the completed answer stored and scored, and a result
 * that needs help now says where to get it. The surgery listing text's link opens the pre-operative one.
 */
@Controller
class QuestionnairePages {

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final Questionnaires questionnaires;

    QuestionnairePages(PortalRecords records, PatientAccess access, PortalFhir fhir, Questionnaires questionnaires) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.questionnaires = questionnaires;
    }

    @GetMapping("/portal/questionnaires")
    String list(Model model) {
        model.addAttribute("forms", questionnaires.all());
        return "portal/questionnaires";
    }

    /** The surgery listing text's link: the pre-operative questions, a child's version for a patient under 16. */
    @GetMapping("/portal/waiting-list/{id}/pre-operative-assessment")
    String preOperative(Authentication authentication, HttpSession session, @PathVariable String id) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        fhir.inRecord(as, current, "ServiceRequest", id, "/subject/reference");
        String born = fhir.read(as, "Patient/" + current.patientId()).path("birthDate").asText("");
        boolean child = born.length() == 10 && java.time.LocalDate.parse(born).isAfter(java.time.LocalDate.now().minusYears(16));
        return "redirect:/portal/questionnaires/pre-operative-assessment-" + (child ? "child" : "adult") + "?for=ServiceRequest/" + id;
    }

    /** The validation text's link: "do you still need to be seen?" about this waiting list entry. */
    @GetMapping("/portal/waiting-list/{id}/validation")
    String validation(Authentication authentication, HttpSession session, @PathVariable String id) {
        fhir.inRecord(access.of(authentication), records.required(authentication, session), "ServiceRequest", id, "/subject/reference");
        return "redirect:/portal/questionnaires/waiting-list-validation?for=ServiceRequest/" + id;
    }

    /** The follow-up notice's link: asking for an appointment within this patient-initiated follow-up. */
    @GetMapping("/portal/follow-up/{id}")
    String followUp(Authentication authentication, HttpSession session, @PathVariable String id) {
        fhir.inRecord(access.of(authentication), records.required(authentication, session), "EpisodeOfCare", id, "/patient/reference");
        return "redirect:/portal/questionnaires/pifu-request?for=EpisodeOfCare/" + id;
    }

    @GetMapping("/portal/questionnaires/{name}")
    String form(Authentication authentication, HttpSession session, @PathVariable String name, @RequestParam(name = "for", required = false) String basedOn,
                Model model) {
        RecordChoice current = records.required(authentication, session);
        Form form = form(name);
        Map<String, String> answers = questionnaires.draft(access.of(authentication), current.patientId(), form);
        return render(model, current, form, answers, Map.of(), checked(basedOn));
    }

    @PostMapping("/portal/questionnaires/{name}")
    String answer(Authentication authentication, HttpSession session, @PathVariable String name, @RequestParam Map<String, String> posted,
                  Model model, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        Form form = form(name);
        Map<String, String> answers = new HashMap<>();
        posted.forEach((key, value) -> {
            if (key.startsWith("a.")) {
                answers.put(key.substring(2), value.trim());
            }
        });
        String basedOn = checked(posted.get("for"));
        if (basedOn != null) { // only an entry or episode of the record in view
            String type = basedOn.substring(0, basedOn.indexOf('/'));
            fhir.inRecord(as, current, type, basedOn.substring(type.length() + 1), "EpisodeOfCare".equals(type) ? "/patient/reference" : "/subject/reference");
        }
        if ("save".equals(posted.get("action"))) {
            questionnaires.saveDraft(as, current.patientId(), form, answers);
            redirect.addFlashAttribute("saved", "Your answers are saved. You can come back and finish at any time.");
            return "redirect:/portal/questionnaires/" + name + (basedOn == null ? "" : "?for=" + basedOn);
        }
        Map<String, String> problems = questionnaires.problems(form, answers);
        if (!problems.isEmpty()) {
            return render(model, current, form, answers, problems, basedOn);
        }
        Questionnaires.Result result = questionnaires.submit(as, current.patientId(), form, answers, basedOn);
        if (result.problem() != null) {
            String first = form.questions().isEmpty() ? "" : form.questions().getFirst().linkId();
            return render(model, current, form, answers, Map.of(first, result.problem()), basedOn);
        }
        redirect.addFlashAttribute("urgent", result.urgent());
        redirect.addFlashAttribute("thanks", result.thanks());
        redirect.addFlashAttribute("title", form.title());
        return "redirect:/portal/questionnaires/" + name + "/done";
    }

    @GetMapping("/portal/questionnaires/{name}/done")
    String done(@PathVariable String name, Model model) {
        model.addAttribute("form", form(name));
        return "portal/questionnaire-done";
    }

    private String render(Model model, RecordChoice current, Form form, Map<String, String> answers, Map<String, String> problems, String basedOn) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        model.addAttribute("basedOn", basedOn);
        return "portal/questionnaire";
    }

    private Form form(String name) {
        return questionnaires.named(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such questionnaire"));
    }

    /** What a questionnaire was asked about (a waiting list entry, a follow-up episode), or null. */
    private static String checked(String basedOn) {
        return basedOn != null && basedOn.matches("(ServiceRequest|EpisodeOfCare)/[A-Za-z0-9\\-.]{1,64}") ? basedOn : null;
    }
}
