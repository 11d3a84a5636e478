package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's first page: whose record is being looked at, a switch between the records the user may see, and what they can do. */
@Controller
class PortalHome {

    private final PortalRecords records;
    private final PortalAudit audit;
    private final SignedInUsers users;

    PortalHome(PortalRecords records, PortalAudit audit, SignedInUsers users) {
        this.records = records;
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/portal")
    String home(Authentication authentication, HttpSession session, Model model) {
        List<RecordChoice> choices = records.choices(authentication);
        if (choices.isEmpty()) {
            model.addAttribute("proofed", users.proofedNhsNumber(authentication).isPresent());
            return "portal/no-record";
        }
        RecordChoice current = records.current(authentication, session).orElseThrow();
        audit.viewed(authentication, "/portal", choices);
        model.addAttribute("current", current);
        model.addAttribute("others", choices.stream().filter(c -> !c.equals(current)).toList());
        return "portal/home";
    }

    @PostMapping("/portal/switch")
    String switchRecord(Authentication authentication, HttpSession session, @RequestParam(defaultValue = "") String patient, Model model) {
        if (!records.choose(authentication, session, patient)) {
            model.addAttribute("message", "You cannot see that record. The person may have withdrawn their consent.");
            return home(authentication, session, model);
        }
        return "redirect:/portal";
    }
}
