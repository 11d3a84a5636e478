package org.joinedup.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.OrganisationDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Choose your role" ({@code /staff/role}): a member of staff with several roles picks the one, and the
 * organisation, they act in for this session; what they may see and do follows from it. They can change it later
 * from the same page. Each choice is audited.
 */
@Controller
class RolePage {

    /** A role to choose, as the page shows it. */
    public record Choice(String key, String role, String organisation, boolean current) {
    }

    private static final Map<String, String> ROLE_NAMES = Map.of("clinician", "Clinician", "care-worker", "Care worker", "scheduler", "Scheduler",
            "analyst", "Analyst", "ig-auditor", "Information governance auditor", "operator", "Operator");

    private final AccountStore accounts;
    private final ChosenRoles roles;
    private final OrganisationDirectory organisations;
    private final FhirAuditSink audit;

    RolePage(AccountStore accounts, ChosenRoles roles, OrganisationDirectory organisations, FhirAuditSink audit) {
        this.accounts = accounts;
        this.roles = roles;
        this.organisations = organisations;
        this.audit = audit;
    }

    @GetMapping("/staff/role")
    String page(Authentication authentication, @RequestParam(name = "continue", required = false) String back, Model model) {
        Account account = staff(authentication);
        String current = roles.actingAs(account).map(RoleProfile::key).orElse(null);
        List<Choice> choices = accounts.profiles(account).stream().map(p -> new Choice(p.key(), ROLE_NAMES.getOrDefault(p.role(), p.role()),
                organisations.nameByOdsCode(p.organization()).map(name -> name + " (" + p.organization() + ")").orElse(p.organization()),
                p.key().equals(current))).toList();
        model.addAttribute("choices", choices);
        model.addAttribute("back", safe(back));
        return "staff/choose-role";
    }

    @PostMapping("/staff/role")
    String choose(Authentication authentication, @RequestParam(required = false) String role, @RequestParam(name = "continue", required = false) String back,
                  HttpSession session, Model model) {
        Account account = staff(authentication);
        if (role == null || !roles.choose(account, role, session)) {
            model.addAttribute("error", "Choose the role you are working in");
            return page(authentication, back, model);
        }
        RoleProfile chosen = roles.actingAs(account, role).orElseThrow();
        // the choice decides what this person may see from now on: it is in the audit, as the role they act in
        audit.staffAction(account.username(), chosen.role(), chosen.organization(), "POST", "/staff/role", "choose-role");
        return "redirect:" + safe(back);
    }

    private Account staff(Authentication authentication) {
        return accounts.find(ExternalLogin.username(authentication)).filter(Account::isStaff)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only staff choose a role"));
    }

    /** Only a path on this site: never somewhere else. */
    private static String safe(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/staff/patients";
    }
}
