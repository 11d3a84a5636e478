package org.joinedup.ingest.internal;

import org.joinedup.fhir.FhirAccess;
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
 * The operators' page of possible duplicate records ({@code /staff/matching}): each pair side by side with its
 * score, to merge or keep apart; and recent merges, each of which can be undone with a reason.
 */
@Controller
class MatchingPage {

    private final MatchingDesk desk;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    MatchingPage(MatchingDesk desk, SignedInUsers users, FhirAuditSink audit) {
        this.desk = desk;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/matching")
    String page(Authentication authentication, Model model) {
        FhirAccess reviewer = reviewer(authentication);
        audit.pageView(reviewer.agent().who(), reviewer.agent().role(), reviewer.agent().organization(), "/staff/matching", "page matching-reviews");
        model.addAttribute("pairs", desk.openPairs(reviewer, 50));
        model.addAttribute("open", desk.openCount());
        model.addAttribute("merges", desk.recentMerges(20));
        return "staff/matching";
    }

    @PostMapping("/staff/matching/reviews/{id}")
    String decide(Authentication authentication, @PathVariable long id, @RequestParam String decision, RedirectAttributes redirect) {
        FhirAccess reviewer = reviewer(authentication);
        try {
            Long merge = desk.decide(id, "same".equals(decision), reviewer);
            redirect.addFlashAttribute("outcome", merge == null ? "The two records are kept apart." : "The records were merged (merge " + merge + ").");
        } catch (PatientMerges.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/staff/matching";
    }

    @PostMapping("/staff/matching/merges/{id}/undo")
    String undo(Authentication authentication, @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        FhirAccess reviewer = reviewer(authentication);
        try {
            desk.undo(id, reason, reviewer);
            redirect.addFlashAttribute("outcome", "Merge " + id + " was undone.");
        } catch (PatientMerges.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("problemMerge", id);
        }
        return "redirect:/staff/matching";
    }

    private FhirAccess reviewer(Authentication authentication) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication).filter(member -> "operator".equals(member.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only operators can review possible duplicate records"));
        return MatchingDesk.reviewer(staff.username(), staff.role(), staff.organization(), null);
    }
}
