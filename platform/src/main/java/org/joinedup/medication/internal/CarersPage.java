package org.joinedup.medication.internal;

import java.util.Set;
import org.joinedup.access.StaffAccess;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /staff/medication}: the carers' view of today's doses for the people their provider cares for, those needing attention first. */
@Controller
class CarersPage {

    private static final Set<String> ROLES = Set.of("care-worker", "clinician");

    private final CarersDay day;
    private final SignedInUsers users;
    private final StaffAccess access;

    CarersPage(CarersDay day, SignedInUsers users, StaffAccess access) {
        this.day = day;
        this.users = users;
        this.access = access;
    }

    @GetMapping("/staff/medication")
    String page(Authentication authentication, Model model) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication).filter(s -> ROLES.contains(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only care workers and clinicians see the day's doses"));
        model.addAttribute("people", day.today(access.of(staff.username(), staff.role(), staff.organization()), staff.organization()));
        model.addAttribute("organisation", staff.organization());
        return "staff/medication";
    }
}
