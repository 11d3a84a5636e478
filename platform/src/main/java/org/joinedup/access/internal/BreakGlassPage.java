package org.joinedup.access.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.joinedup.access.Role;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The break-glass dialog for staff signed in to the pages: the patient, a reason and words of their own,
 * a warning that the access is recorded and reviewed, and a confirmation saying until when it lasts.
 */
@Controller
class BreakGlassPage {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final BreakGlassService service;
    private final SignedInUsers users;

    BreakGlassPage(BreakGlassService service, SignedInUsers users) {
        this.service = service;
        this.users = users;
    }

    @GetMapping("/staff/break-glass")
    String form(@RequestParam(required = false) String patient, Model model) {
        model.addAttribute("patient", patient == null ? "" : patient.replaceFirst("^Patient/", ""));
        return "staff/break-glass";
    }

    @PostMapping("/staff/break-glass")
    String breakGlass(Authentication authentication, @RequestParam(required = false) String patient,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String text, Model model) {
        model.addAttribute("patient", patient == null ? "" : patient);
        model.addAttribute("reason", reason);
        model.addAttribute("text", text);
        StaffUser user = users.staffOf(authentication)
                .map(staff -> new StaffUser(staff.username(), Role.ofClaim(staff.role()), staff.organization(), "joinedup-pages"))
                .orElse(null);
        if (user == null) {
            model.addAttribute("error", "Only members of staff can ask for emergency access");
            return "staff/break-glass";
        }
        try {
            BreakGlassService.Grant grant = service.breakGlass(user, patient, reason, text);
            model.addAttribute("until", UNTIL.format(grant.expiresAt()).replace("AM", "am").replace("PM", "pm"));
            return "staff/break-glass-granted";
        } catch (BreakGlassService.Refused refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("errorField", refused.getMessage().startsWith("Choose") ? "reason"
                    : refused.getMessage().startsWith("Say why") ? "text" : "patient");
            return "staff/break-glass";
        }
    }
}
