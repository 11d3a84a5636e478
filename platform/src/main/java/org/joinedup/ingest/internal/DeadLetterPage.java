package org.joinedup.ingest.internal;

import java.util.List;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The operators' page of rejected HL7 v2 messages ({@code /staff/hl7}): each with its reason, and a button to replay it. Every view is audited. */
@Controller
class DeadLetterPage {

    private final MessageLog messages;
    private final Hl7Processor processor;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    DeadLetterPage(MessageLog messages, Hl7Processor processor, SignedInUsers users, FhirAuditSink audit) {
        this.messages = messages;
        this.processor = processor;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/hl7")
    String page(Authentication authentication, Model model) {
        SignedInUsers.StaffMember operator = operator(authentication);
        List<KeptMessage> dead = messages.deadLetters(200);
        audited(operator, "GET /staff/hl7", "page hl7-dead-letters");
        model.addAttribute("counts", messages.counts());
        model.addAttribute("deadLetters", dead);
        return "staff/hl7-dead-letters";
    }

    @PostMapping("/staff/hl7/{id}/replay")
    String replay(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember operator = operator(authentication);
        KeptMessage kept = messages.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + id));
        audited(operator, "POST /staff/hl7/" + id + "/replay", "page hl7-replay");
        String ack = processor.process(kept.raw(), "replay by " + operator.username(), id);
        String code = ack.contains("MSA|AA") ? "accepted" : "rejected again";
        redirect.addFlashAttribute("outcome", "Message " + id + " was replayed and " + code + ".");
        return "redirect:/staff/hl7";
    }

    private SignedInUsers.StaffMember operator(Authentication authentication) {
        return users.staffOf(authentication).filter(staff -> "operator".equals(staff.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only operators can see rejected messages"));
    }

    private void audited(SignedInUsers.StaffMember operator, String query, String action) {
        audit.pageView(operator.username(), operator.role(), operator.organization(), query, action);
    }
}
