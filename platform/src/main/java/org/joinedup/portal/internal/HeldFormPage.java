package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /portal/held}: after signing in again, what the patient typed when their session had ended, ready to send
 * as it was (the same button they pressed, now with a valid session), for the record it was typed for, which the page
 * names and switches to. Shown once: a form not sent from here is gone, as the patient is told.
 */
@Controller
class HeldFormPage {

    private final PortalRecords records;
    private final HeldForms held;

    HeldFormPage(PortalRecords records, HeldForms held) {
        this.records = records;
        this.held = held;
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
        model.addAttribute("current", records.required(authentication, session));
        model.addAttribute("held", taken.get().getValue());
        return "portal/held";
    }
}
