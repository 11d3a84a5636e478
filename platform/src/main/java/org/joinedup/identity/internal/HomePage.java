package org.joinedup.identity.internal;

import java.util.Optional;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where signing in lands when nothing else was asked for: what a signed-in user can do. A member of staff with
 * several roles sees the role they work in (once chosen) and where to choose or change it.
 */
@Controller
class HomePage {

    private final SignedInUsers users;
    private final AccountStore accounts;

    HomePage(SignedInUsers users, AccountStore accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        Optional<SignedInUsers.StaffMember> staff = users.staffOf(authentication);
        Optional<Account> account = authentication == null ? Optional.empty()
                : accounts.find(ExternalLogin.username(authentication)).filter(Account::isStaff);
        model.addAttribute("staff", account.isPresent());
        model.addAttribute("severalRoles", account.map(a -> accounts.profiles(a).size() > 1).orElse(false));
        model.addAttribute("actingAs", staff.map(s -> s.role() + " at " + s.organization()).orElse(null));
        model.addAttribute("operator", staff.filter(s -> "operator".equals(s.role())).isPresent());
        model.addAttribute("auditor", staff.filter(s -> "ig-auditor".equals(s.role())).isPresent());
        model.addAttribute("books", staff.filter(s -> java.util.Set.of("scheduler", "clinician", "care-worker").contains(s.role())).isPresent());
        model.addAttribute("messages", staff.filter(s -> java.util.Set.of("scheduler", "operator").contains(s.role())).isPresent());
        model.addAttribute("patient", users.isPatient(authentication));
        return "home";
    }
}
