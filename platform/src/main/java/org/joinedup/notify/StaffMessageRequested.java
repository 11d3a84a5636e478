package org.joinedup.notify;

import java.util.Map;

/**
 * A module asks for an urgent message to a member of staff who is not looking at the platform (an alert to the
 * manager on call): sent at once, quiet hours or not, by text or email to the number or address given. Its link
 * opens a staff page after sign-in; it names no patient.
 *
 * @param reference the asking module's key: a second request with the same key is ignored
 * @param addressee the member of staff's name, for the operators' page
 * @param channel {@code sms} or {@code email}
 * @param address the mobile number or email address
 * @param kind which message (one with a link)
 * @param personalisation the values of the kind's placeholders, except {@code link}
 * @param staffPath the staff page the link opens, for example {@code /staff/alerts/123}
 */
public record StaffMessageRequested(String reference, String addressee, String channel, String address, MessageKind kind,
                                    Map<String, String> personalisation, String staffPath) {

    public StaffMessageRequested {
        personalisation = Map.copyOf(personalisation);
        if (!"sms".equals(channel) && !"email".equals(channel)) {
            throw new IllegalArgumentException("A message to staff goes by sms or email, not " + channel);
        }
        for (String placeholder : kind.placeholders()) {
            if (!"link".equals(placeholder) && !personalisation.containsKey(placeholder)) {
                throw new IllegalArgumentException(kind.code() + " needs a value for ((" + placeholder + "))");
            }
        }
    }
}
