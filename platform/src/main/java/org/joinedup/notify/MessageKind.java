package org.joinedup.notify;

import java.util.List;
import java.util.Locale;

/**
 * The messages the platform sends, each with its text for a text message and for an email. Placeholders are
 * written {@code ((name))}, as in GOV.UK Notify's templates, and only those listed may be filled: a text message
 * names no service, condition or procedure (the NHS allows no diagnosis in a text), only where and when, and a
 * link to read the rest after signing in.
 */
public enum MessageKind {

    APPOINTMENT_REMINDER(List.of("name", "date", "time", "place", "link"),
            "Hello ((name)), this is a reminder of your appointment on ((date)) at ((time)) at ((place)). To see, change or cancel it: ((link))",
            "Your appointment on ((date))",
            "Hello ((name)),\n\nThis is a reminder of your appointment on ((date)) at ((time)) at ((place)).\n\n"
                    + "To see the details, change or cancel it, sign in: ((link))\n\nIf you cannot come, please tell us so someone else can have the appointment."),
    SURGERY_LISTING(List.of("name", "place", "link"),
            "Hello ((name)), you have been added to the waiting list for an operation at ((place)). Please answer some questions before it: ((link))",
            "Questions before your operation",
            "Hello ((name)),\n\nYou have been added to the waiting list for an operation at ((place)).\n\n"
                    + "Please answer some questions about your health before it, so we can get you ready: ((link))"),
    WAITING_LIST_VALIDATION(List.of("name", "place", "link"),
            "Hello ((name)), you are on a waiting list at ((place)). Please tell us if you still need to be seen: ((link))",
            "Do you still need your appointment?",
            "Hello ((name)),\n\nYou are on a waiting list at ((place)). Please tell us whether you still need to be seen, "
                    + "so that we can keep the list right and see people sooner: ((link))"),
    PIFU_ENDING(List.of("name", "place", "date", "link"),
            "Hello ((name)), you can ask ((place)) for a follow-up appointment until ((date)) without seeing your GP: ((link))",
            "Your follow-up with ((place))",
            "Hello ((name)),\n\nYou can ask ((place)) for a follow-up appointment until ((date)) if your symptoms come back or get worse, "
                    + "without seeing your GP first: ((link))"),
    /** To a member of staff (on call, or not signed in): an alert waits for them; no patient's name, only what and where. */
    STAFF_ALERT(List.of("alert", "place", "link"),
            "JoinedUp alert: ((alert)) at ((place)). Please acknowledge it: ((link))",
            "JoinedUp alert: ((alert))",
            "An alert needs someone to respond: ((alert)) at ((place)).\n\nOpen it to acknowledge it and record what happened: ((link))");

    private final List<String> placeholders;
    private final String sms;
    private final String emailSubject;
    private final String emailBody;

    MessageKind(List<String> placeholders, String sms, String emailSubject, String emailBody) {
        this.placeholders = placeholders;
        this.sms = sms;
        this.emailSubject = emailSubject;
        this.emailBody = emailBody;
    }

    /** How the kind is written in references, configuration and the database: {@code appointment-reminder}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MessageKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public List<String> placeholders() {
        return placeholders;
    }

    public String sms() {
        return sms;
    }

    public String emailSubject() {
        return emailSubject;
    }

    public String emailBody() {
        return emailBody;
    }
}
