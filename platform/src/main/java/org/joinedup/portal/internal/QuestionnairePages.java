package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.Questionnaires;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Questionnaires ({@code /portal/questionnaires}): each shipped questionnaire as one page that works without
 * JavaScript (another answer to a repeating question or group is one more round trip: "Add another"); answers kept
 * as a draft to come back to ("Save and come back later"), a photo as soon as it is added; on "Submit", every problem
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
        Answers answers = questionnaires.draft(access.of(authentication), current.patientId(), form);
        return render(model, current, form, answers, Map.of(), checked(basedOn));
    }

    /** A photo the patient has added to their draft, to see what they sent. */
    @GetMapping("/portal/questionnaires/{name}/photo")
    ResponseEntity<byte[]> photo(Authentication authentication, HttpSession session, @PathVariable String name, @RequestParam String key) {
        RecordChoice current = records.required(authentication, session);
        Answers.Attachment photo = questionnaires.draft(access.of(authentication), current.patientId(), form(name)).attachment(key);
        if (photo == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such photo");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").body(photo.data());
    }

    @PostMapping("/portal/questionnaires/{name}")
    String answer(Authentication authentication, HttpSession session, @PathVariable String name, @RequestParam MultiValueMap<String, String> posted,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        Form form = form(name);
        String basedOn = checked(posted.getFirst("for"));
        if (basedOn != null) { // only an entry or episode of the record in view
            String type = basedOn.substring(0, basedOn.indexOf('/'));
            fhir.inRecord(as, current, type, basedOn.substring(type.length() + 1), "EpisodeOfCare".equals(type) ? "/patient/reference" : "/subject/reference");
        }
        PostedAnswers.Read read = PostedAnswers.read(posted, request instanceof MultipartRequest files ? files.getMultiFileMap() : Map.of(), form,
                form.takesFiles() ? questionnaires.draft(as, current.patientId(), form) : null, questionnaires);
        String action = java.util.Objects.requireNonNullElse(posted.getFirst("action"), "submit");
        if (!action.equals("submit")) { // saving, another answer, one taken out: each keeps the answers so far as the draft
            Answers answers = PostedAnswers.act(form, read.answers(), action);
            questionnaires.saveDraft(as, current.patientId(), form, answers);
            if (action.equals("save") && read.problems().isEmpty()) {
                redirect.addFlashAttribute("saved", "Your answers are saved. You can come back and finish at any time.");
                return "redirect:/portal/questionnaires/" + name + (basedOn == null ? "" : "?for=" + basedOn);
            }
            return render(model, current, form, answers, read.problems(), basedOn);
        }
        Answers answers = read.answers();
        if (read.newPhoto()) { // kept at once, so that a photo is never asked for twice
            questionnaires.saveDraft(as, current.patientId(), form, answers);
        }
        Map<String, String> problems = new java.util.LinkedHashMap<>(read.problems()); // a photo refused, then every other problem
        questionnaires.problems(form, answers).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            return render(model, current, form, answers, problems, basedOn);
        }
        Questionnaires.Result result = questionnaires.submit(as, current.patientId(), form, answers, basedOn);
        if (result.problem() != null) {
            String first = form.shown(answers).isEmpty() ? "" : form.shown(answers).getFirst().key();
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

    private String render(Model model, RecordChoice current, Form form, Answers answers, Map<String, String> problems, String basedOn) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        model.addAttribute("basedOn", basedOn);
        model.addAttribute("otherAnswer", Answers.OTHER);
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
