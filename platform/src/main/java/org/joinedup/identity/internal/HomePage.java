package org.joinedup.identity.internal;

import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where signing in lands when nothing else was asked for: what a signed-in user can do. */
@Controller
class HomePage {

    private final SignedInUsers users;

    HomePage(SignedInUsers users) {
        this.users = users;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("staff", users.staffOf(authentication).isPresent());
        model.addAttribute("operator", users.staffOf(authentication).filter(staff -> "operator".equals(staff.role())).isPresent());
        model.addAttribute("auditor", users.staffOf(authentication).filter(staff -> "ig-auditor".equals(staff.role())).isPresent());
        model.addAttribute("patient", users.isPatient(authentication));
        return "home";
    }
}
