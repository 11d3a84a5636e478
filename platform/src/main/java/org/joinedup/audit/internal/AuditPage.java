package org.joinedup.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.identity.SignedInUsers;
import org.joinedup.shared.NhsNumber;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Information governance's view of the audit ({@code /staff/audit}): who accessed which patient's record, when,
 * why and with what outcome, by patient (NHS number or record id), by user, by date, or break-glass only; newest
 * first. Looking at the audit is itself audited.
 */
@Controller
class AuditPage {

    private static final int PAGE = 100;

    private final SignedInUsers users;
    private final AuditSearch search;
    private final PatientDirectory patients;
    private final FhirAuditSink audit;

    AuditPage(SignedInUsers users, AuditSearch search, PatientDirectory patients, FhirAuditSink audit) {
        this.users = users;
        this.search = search;
        this.patients = patients;
        this.audit = audit;
    }

    @GetMapping("/staff/audit")
    String page(Authentication authentication, @RequestParam Map<String, String> form, Model model) {
        SignedInUsers.StaffMember auditor = users.staffOf(authentication).filter(s -> "ig-auditor".equals(s.role()) || "operator".equals(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only information governance auditors can see the audit"));
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (form.containsKey("search")) {
            String patient = patient(form.getOrDefault("patient", "").strip(), errors);
            Instant from = null;
            Instant to = null;
            try {
                from = AuditSearch.instant(form.get("from"), false);
                to = AuditSearch.instant(form.get("to"), true);
            } catch (DateTimeParseException e) {
                errors.put("from", "Dates must be real dates, for example 2026-11-26");
            }
            if (errors.isEmpty()) {
                String agent = form.getOrDefault("agent", "").strip();
                List<AuditEntry> entries = search.find(new AuditSearch.Query(patient, agent.isEmpty() ? null : agent, null, from, to,
                        "on".equals(form.get("breakGlass")) ? Boolean.TRUE : null, null, null, PAGE));
                model.addAttribute("entries", entries);
                audit.pageView(auditor.username(), auditor.role(), auditor.organization(),
                        "/staff/audit?" + (patient == null ? "" : "patient=" + patient), "page audit-search");
            }
        }
        return "staff/audit";
    }

    /** The patient's record id, from an NHS number (checked) or an id; null for none, with an error if it cannot be found. */
    private String patient(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.replaceAll("\\s+", "");
        if (digits.matches("\\d{10}")) {
            if (!NhsNumber.isValid(digits)) {
                errors.put("patient", "Enter a valid NHS number (this one's check digit is wrong)");
                return null;
            }
            Optional<String> id = patients.findByNhsNumber(digits);
            if (id.isEmpty()) {
                errors.put("patient", "No patient has the NHS number " + text);
                return null;
            }
            return id.get();
        }
        return text;
    }
}
