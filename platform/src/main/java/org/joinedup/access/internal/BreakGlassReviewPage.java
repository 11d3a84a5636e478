package org.joinedup.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The break-glass review queue for information governance ({@code /staff/break-glass/reviews}): each emergency
 * access waiting for review, with who, where, which patient, why and until when, to accept or escalate with a
 * note; and the reviews already made, with their outcomes.
 */
@Controller
class BreakGlassReviewPage {

    /** A grant as the page shows it. */
    public record Row(String id, String who, String patient, String reason, String grantedAt, String expiresAt, String review, String reviewedBy,
                      String reviewNote) {
    }

    private final BreakGlassService service;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    BreakGlassReviewPage(BreakGlassService service, SignedInUsers users, FhirAuditSink audit) {
        this.service = service;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/break-glass/reviews")
    String page(Authentication authentication, Model model) {
        SignedInUsers.StaffMember auditor = auditor(authentication);
        List<BreakGlassService.Grant> pending = service.reviews("pending");
        List<BreakGlassService.Grant> reviewed = new ArrayList<>(service.reviews("accepted"));
        reviewed.addAll(service.reviews("escalated"));
        reviewed.sort((a, b) -> b.reviewedAt().compareTo(a.reviewedAt()));
        audit.pageView(auditor.username(), auditor.role(), auditor.organization(), "/staff/break-glass/reviews", "page break-glass-reviews");
        model.addAttribute("pending", pending.stream().map(BreakGlassReviewPage::row).toList());
        model.addAttribute("reviewed", reviewed.stream().limit(50).map(BreakGlassReviewPage::row).toList());
        return "staff/break-glass-reviews";
    }

    @PostMapping("/staff/break-glass/reviews/{id}")
    String review(Authentication authentication, @PathVariable UUID id, @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        SignedInUsers.StaffMember auditor = auditor(authentication);
        if (outcome.equals("escalated") && note.isBlank()) {
            redirect.addFlashAttribute("problem", "Say why the access is escalated");
            redirect.addFlashAttribute("problemId", id.toString());
            return "redirect:/staff/break-glass/reviews";
        }
        try {
            service.review(auditor.username(), id, outcome, note.isBlank() ? null : note.strip());
            redirect.addFlashAttribute("outcome", "The access was " + outcome + ".");
        } catch (BreakGlassService.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/staff/break-glass/reviews";
    }

    private SignedInUsers.StaffMember auditor(Authentication authentication) {
        return users.staffOf(authentication).filter(s -> "ig-auditor".equals(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only information governance auditors review break-glass access"));
    }

    private static Row row(BreakGlassService.Grant g) {
        return new Row(g.id().toString(), g.subject() + " (" + g.role() + ", " + g.organization() + ")", g.patient(),
                BreakGlassReason.ofCode(g.reason()) == null ? g.reason() : BreakGlassReason.ofCode(g.reason()).label() + (g.text() == null ? "" : ": " + g.text()),
                g.grantedAt().toString(), g.expiresAt().toString(), g.review(), g.reviewedBy(), g.reviewNote());
    }
}
