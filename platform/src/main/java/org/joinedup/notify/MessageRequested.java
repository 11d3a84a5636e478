package org.joinedup.notify;

import java.time.Instant;
import java.util.Map;

/**
 * A module asks for a message to a patient. The message goes by the patient's preferred channel (text or email),
 * unless they have opted out or have no contact details (then it is kept as withheld, with why).
 *
 * @param reference the asking module's key for this message: a second request with the same key is ignored, so
 *                  asking again after a restart never sends twice; a common prefix lets later requests withdraw
 *                  messages not yet sent (for example {@code appointment/123/})
 * @param patientId the Patient's id
 * @param kind which message
 * @param personalisation the values of the kind's placeholders, except {@code name} and {@code link}, which the
 *                        outbox fills from the Patient and {@code portalPath}
 * @param portalPath the portal page the message's link opens after sign-in (for example {@code /portal/appointments/123})
 * @param expires when the message no longer makes sense (an appointment's start); not sent after it; may be null
 */
public record MessageRequested(String reference, String patientId, MessageKind kind, Map<String, String> personalisation,
                               String portalPath, Instant expires) {

    public MessageRequested {
        personalisation = Map.copyOf(personalisation);
        for (String placeholder : kind.placeholders()) {
            if (!"name".equals(placeholder) && !"link".equals(placeholder) && !personalisation.containsKey(placeholder)) {
                throw new IllegalArgumentException(kind.code() + " needs a value for ((" + placeholder + "))");
            }
        }
        if ((portalPath == null) == kind.placeholders().contains("link")) {
            throw new IllegalArgumentException(kind.code() + (portalPath == null ? " needs a portal page for its link" : " has no link"));
        }
    }
}
