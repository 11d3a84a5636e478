package org.joinedup.notify.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.joinedup.notify.MessageRequested;
import org.joinedup.notify.MessagesWithdrawn;
import org.joinedup.notify.NotifyProperties;
import org.joinedup.notify.StaffMessageRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns modules' requests into outbox messages: the patient's channel and details, their opt-outs, the link,
 * and the text, filled only with the kind's own placeholders. The request is an event kept in the event
 * publication registry until this has run, so a restart in between loses nothing; the outbox ignores a
 * reference it has already, so nothing is added twice. Messages to staff are urgent and go to the address asked for.
 */
@Component
class MessageRequests {

    private final Outbox outbox;
    private final ContactDetails contacts;
    private final OptOuts optOuts;
    private final SecureLinks links;
    private final QuietHours quiet;
    private final String publicUrl;

    MessageRequests(Outbox outbox, ContactDetails contacts, OptOuts optOuts, SecureLinks links, NotifyProperties properties) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.links = links;
        this.quiet = new QuietHours(properties.quietStart(), properties.quietEnd(), properties.zone());
        this.publicUrl = properties.publicUrl().toString().replaceAll("/$", "");
    }

    @ApplicationModuleListener
    void on(MessageRequested request) {
        if (outbox.exists(request.reference())) {
            return;
        }
        String kind = request.kind().code();
        Contact contact = contacts.of(request.patientId());
        Map<String, String> values = new HashMap<>();
        request.kind().placeholders().forEach(name -> {
            String value = request.personalisation().get(name);
            if (value != null) {
                values.put(name, value);
            }
        });
        values.put("name", contact.name().isBlank() ? "there" : contact.name());
        String withheld = optOuts.optedOut(request.patientId(), kind) ? "The patient asked not to be sent these messages" : contact.unreachable();
        if (withheld == null && request.expires() != null && !Instant.now().isBefore(request.expires())) {
            withheld = "Its moment had passed before it could be sent";
        }
        values.put("link", withheld != null || request.portalPath() == null ? "(no link)"
                : links.create(request.reference(), request.patientId(), request.portalPath(), request.expires()));
        boolean email = "email".equals(contact.channel());
        String body = Template.fill(email ? request.kind().emailBody() : request.kind().sms(), values);
        String subject = email ? Template.fill(request.kind().emailSubject(), values) : null;
        outbox.add(new Outbox.NewMessage(request.reference(), request.patientId(), kind, contact.channel(), contact.recipient(), subject, body,
                values, withheld == null ? "queued" : "withheld", withheld, quiet.nextAllowed(Instant.now()), request.expires()));
    }

    /** A message to staff: urgent, to the address given, its link the staff page on the platform's own address. */
    @ApplicationModuleListener
    void on(StaffMessageRequested request) {
        if (outbox.exists(request.reference())) {
            return;
        }
        Map<String, String> values = new HashMap<>(request.personalisation());
        values.put("link", publicUrl + request.staffPath());
        boolean email = "email".equals(request.channel());
        String body = Template.fill(email ? request.kind().emailBody() : request.kind().sms(), values);
        String subject = email ? Template.fill(request.kind().emailSubject(), values) : null;
        outbox.add(new Outbox.NewMessage(request.reference(), null, request.kind().code(), request.channel(), request.address(), subject, body, values,
                "queued", null, Instant.now(), null, request.addressee(), true));
    }

    @ApplicationModuleListener
    void on(MessagesWithdrawn withdrawn) {
        outbox.withdraw(withdrawn.referencePrefix(), withdrawn.reason());
    }
}
