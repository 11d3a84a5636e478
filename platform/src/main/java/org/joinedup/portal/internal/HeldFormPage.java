package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.access.PatientAccess;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.Questionnaires;
import org.springframework.security.core.Authentication;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /portal/held}: after signing in again, what the patient typed when their session had ended, ready to send
 * as it was (the same button they pressed, now with a valid session), for the record it was typed for, which the page
 * names and switches to. Shown once: a form not sent from here is gone, as the patient is told; but a
 * questionnaire's answers are saved as its draft first, to finish later whatever they do now.
 */
@Controller
class HeldFormPage {

    private static final java.util.regex.Pattern QUESTIONNAIRE = java.util.regex.Pattern.compile("/portal/questionnaires/([a-z0-9-]{1,64})");

    private final PortalRecords records;
    private final HeldForms held;
    private final Questionnaires questionnaires;
    private final PatientAccess access;

    HeldFormPage(PortalRecords records, HeldForms held, Questionnaires questionnaires, PatientAccess access) {
        this.records = records;
        this.held = held;
        this.questionnaires = questionnaires;
        this.access = access;
    }

    @GetMapping("/portal/held")
    String held(Authentication authentication, HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        List<RecordChoice> choices = records.choices(authentication);
        Optional<Map.Entry<String, HeldForms.Held>> taken = held.take(request, response, authentication.getName(),
                choices.stream().map(RecordChoice::patientId).toList());
        if (taken.isEmpty() || !taken.get().getValue().path().startsWith("/portal/")) {
            return "redirect:/portal";
        }
        records.choose(authentication, session, taken.get().getKey());
        RecordChoice current = records.required(authentication, session);
        HeldForms.Held form = taken.get().getValue();
        model.addAttribute("current", current);
        model.addAttribute("held", form);
        model.addAttribute("draftKept", keptAsDraft(authentication, current, form));
        return "portal/held";
    }

    /** A questionnaire's answers are kept as its draft at once, so that they are there even if the patient does not send them now. */
    private boolean keptAsDraft(Authentication authentication, RecordChoice current, HeldForms.Held form) {
        java.util.regex.Matcher questionnaire = QUESTIONNAIRE.matcher(form.path());
        Optional<Form> named = questionnaire.matches() ? questionnaires.named(questionnaire.group(1)) : Optional.empty();
        if (named.isEmpty()) {
            return false;
        }
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        form.fields().forEach(fields::put);
        Answers answers = PostedAnswers.read(fields, Map.of(), named.get(), null, questionnaires).answers();
        questionnaires.saveDraft(access.of(authentication), current.patientId(), named.get(), answers);
        return true;
    }
}
