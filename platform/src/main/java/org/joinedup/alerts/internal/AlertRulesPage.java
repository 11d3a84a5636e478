package org.joinedup.alerts.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.joinedup.alerts.AlertKind;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.identity.SignedInUsers;
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
 * The operators' page of alert routing rules ({@code /staff/alerts/rules}): every rule in force, a form to add one
 * (organisation, kind, level, hours, a role or a named person, a text number or email, how long before it escalates),
 * each checked with an NHS error message, and retiring a rule (kept, with who and when). Each change is audited.
 */
@Controller
class AlertRulesPage {

    private final AlertRoutes routes;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    AlertRulesPage(AlertRoutes routes, SignedInUsers users, FhirAuditSink audit) {
        this.routes = routes;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/alerts/rules")
    String page(Authentication authentication, Model model) {
        SignedInUsers.StaffMember operator = operator(authentication);
        audit.pageView(operator.username(), operator.role(), operator.organization(), "/staff/alerts/rules", "page alert-rules");
        model.addAttribute("rules", routes.inForce());
        model.addAttribute("kinds", Arrays.stream(AlertKind.values()).map(AlertKind::code).toList());
        return "staff/alert-rules";
    }

    @PostMapping("/staff/alerts/rules")
    String add(Authentication authentication, @RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "0") String level, @RequestParam(defaultValue = "00:00") String from,
               @RequestParam(defaultValue = "00:00") String until, @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String person,
               @RequestParam(defaultValue = "") String personName, @RequestParam(defaultValue = "") String sms, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "") String escalateAfter, RedirectAttributes redirect) {
        SignedInUsers.StaffMember operator = operator(authentication);
        String problem = null;
        String field = null;
        LocalTime start = null;
        LocalTime end = null;
        try {
            start = LocalTime.parse(from);
            end = LocalTime.parse(until);
        } catch (DateTimeParseException e) {
            problem = "Enter the hours as 24-hour times, like 07:00 and 22:00 (the same time twice for all day)";
            field = "from";
        }
        if (!organisation.strip().matches("\\*|[A-Z0-9]{3,10}")) {
            problem = "Enter the organisation's ODS code, like VN9001, or * for any organisation";
            field = "organisation";
        } else if (!kind.equals("*") && Arrays.stream(AlertKind.values()).noneMatch(k -> k.code().equals(kind))) {
            problem = "Choose which alerts the rule is for";
            field = "kind";
        } else if (!level.matches("[0-9]")) {
            problem = "Enter the level as a number from 0 (first) to 9";
            field = "level";
        } else if (role.isBlank() == person.isBlank()) {
            problem = "Enter either a role of the organisation's staff or one person's username, not both";
            field = "role";
        } else if (!sms.isBlank() && !sms.replace(" ", "").matches("(\\+44|0)7\\d{9}")) {
            problem = "Enter a UK mobile number, like 07700 900123";
            field = "sms";
        } else if (!email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problem = "Enter an email address in the correct format, like name@example.nhs.uk";
            field = "email";
        } else if (!escalateAfter.matches("\\d{1,4}") || Integer.parseInt(escalateAfter) < 1) {
            problem = "Enter how many minutes to wait for acknowledgement before escalating, 1 or more";
            field = "escalateAfter";
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("problemField", field);
            return "redirect:/staff/alerts/rules";
        }
        routes.add(new AlertRoutes.NewRoute(organisation.strip(), kind, Integer.parseInt(level), start, end, blank(role), blank(person), blank(personName),
                blank(sms.replace(" ", "")), blank(email), Duration.ofMinutes(Integer.parseInt(escalateAfter))), operator.username());
        audit.staffAction(operator.username(), operator.role(), operator.organization(), "POST", "/staff/alerts/rules", "add alert-rule");
        redirect.addFlashAttribute("outcome", "The rule is in force.");
        return "redirect:/staff/alerts/rules";
    }

    @PostMapping("/staff/alerts/rules/{id}/retire")
    String retire(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember operator = operator(authentication);
        boolean retired = routes.retire(id, operator.username());
        audit.staffAction(operator.username(), operator.role(), operator.organization(), "POST", "/staff/alerts/rules/" + id + "/retire", "retire alert-rule");
        redirect.addFlashAttribute("outcome", retired ? "The rule is retired (kept, with who and when)." : "That rule was not in force.");
        return "redirect:/staff/alerts/rules";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private SignedInUsers.StaffMember operator(Authentication authentication) {
        return users.staffOf(authentication).filter(s -> "operator".equals(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only operators set who alerts go to"));
    }
}
