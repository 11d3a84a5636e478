package org.joinedup.notify.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.identity.SignedInUsers;
import org.joinedup.notify.MessageKind;
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
 * The message outbox for operators and schedulers ({@code /staff/messages}): how many messages are in each
 * state, the failures to act on (send again, or cancel), every message with what happened to it, and patients'
 * opt-outs. With the local provider this is where messages are read. Every view and action is audited.
 */
@Controller
class OutboxPage {

    private static final Set<String> ROLES = Set.of("operator", "scheduler");
    private static final Set<String> STATUSES = Set.of("queued", "sending", "sent", "delivered", "failed", "withheld", "cancelled");

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    OutboxPage(Outbox outbox, OptOuts optOuts, SignedInUsers users, FhirAuditSink audit) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/messages")
    String page(Authentication authentication, @RequestParam(required = false) String status, Model model) {
        SignedInUsers.StaffMember staff = staff(authentication, "GET /staff/messages" + (status == null ? "" : "?status=" + status), "page messages");
        String shown = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("status", shown);
        model.addAttribute("failures", outbox.latest("failed", 100));
        model.addAttribute("messages", outbox.latest(shown, 100));
        model.addAttribute("optOuts", optOuts.current(50));
        model.addAttribute("kinds", List.of(MessageKind.values()).stream().map(MessageKind::code).toList());
        model.addAttribute("staff", staff);
        return "staff/messages";
    }

    @GetMapping("/staff/messages/{id}")
    String message(Authentication authentication, @PathVariable UUID id, Model model) {
        staff(authentication, "GET /staff/messages/" + id, "page message");
        model.addAttribute("message", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message")));
        model.addAttribute("history", outbox.history(id));
        return "staff/message";
    }

    @PostMapping("/staff/messages/{id}/retry")
    String retry(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = staff(authentication, "POST /staff/messages/" + id + "/retry", "message retry");
        boolean done = outbox.retryNow(id, staff.username());
        redirect.addFlashAttribute("outcome", done ? "The message will be sent again." : "Only a failed message can be sent again.");
        return "redirect:/staff/messages";
    }

    @PostMapping("/staff/messages/{id}/cancel")
    String cancel(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = staff(authentication, "POST /staff/messages/" + id + "/cancel", "message cancel");
        boolean done = outbox.cancelIfWaiting(id, "Cancelled by " + staff.username(), staff.username());
        redirect.addFlashAttribute("outcome", done ? "The message was cancelled and will not be sent." : "The message was already sent or cancelled.");
        return "redirect:/staff/messages";
    }

    @PostMapping("/staff/messages/opt-outs")
    String optOut(Authentication authentication, @RequestParam String patient, @RequestParam String kind, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = staff(authentication, "POST /staff/messages/opt-outs", "message opt-out");
        String id = patient.trim().replaceFirst("^Patient/", "");
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}") || !(OptOuts.ALL.equals(kind) || isKind(kind))) {
            redirect.addFlashAttribute("problem", "Enter the patient's record id (for example Patient/123) and choose which messages");
            return "redirect:/staff/messages";
        }
        boolean added = optOuts.record(id, kind, staff.username(), reason.isBlank() ? null : reason.trim());
        redirect.addFlashAttribute("outcome", added ? "Patient/" + id + " will not be sent " + ("all".equals(kind) ? "any messages" : kind + " messages") + "."
                : "Patient/" + id + " had already opted out of those messages.");
        return "redirect:/staff/messages";
    }

    @PostMapping("/staff/messages/opt-outs/lift")
    String lift(Authentication authentication, @RequestParam String patient, @RequestParam String kind, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = staff(authentication, "POST /staff/messages/opt-outs/lift", "message opt-out lifted");
        boolean lifted = optOuts.lift(patient, kind, staff.username());
        redirect.addFlashAttribute("outcome", lifted ? "Patient/" + patient + " can be sent " + kind + " messages again." : "There was no such opt-out.");
        return "redirect:/staff/messages";
    }

    private static boolean isKind(String kind) {
        return List.of(MessageKind.values()).stream().anyMatch(k -> k.code().equals(kind));
    }

    private SignedInUsers.StaffMember staff(Authentication authentication, String query, String action) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication).filter(s -> ROLES.contains(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only operators and schedulers can see the message outbox"));
        audit.pageView(staff.username(), staff.role(), staff.organization(), query, action);
        return staff;
    }
}
