package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.joinedup.notify.MessageStatuses;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What we have sent ({@code /portal/messages}): the texts and emails sent about the record being looked at, newest first, each view audited. */
@Controller
class MessagesPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final PortalRecords records;
    private final MessageStatuses messages;
    private final PortalAudit audit;

    MessagesPage(PortalRecords records, MessageStatuses messages, PortalAudit audit) {
        this.records = records;
        this.messages = messages;
        this.audit = audit;
    }

    /** A message as listed. Public only so that the template can read it. */
    public record Line(String when, String how, String subject, String text, String status) {
    }

    @GetMapping("/portal/messages")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        audit.viewed(authentication, "/portal/messages", List.of(current));
        model.addAttribute("current", current);
        model.addAttribute("messages", messages.toPatient(current.patientId(), 100).stream().map(m -> new Line(WHEN.format(m.at()).replace("AM", "am")
                .replace("PM", "pm"), "sms".equals(m.channel()) ? "Text message" : "Email", m.subject(), m.text(), switch (m.status()) {
                    case "delivered" -> "Delivered";
                    case "failed" -> "Could not be delivered";
                    default -> "Sent";
                })).toList());
        return "portal/messages";
    }
}
