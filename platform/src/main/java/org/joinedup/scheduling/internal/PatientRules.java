package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.Visibility;
import org.joinedup.scheduling.SchedulingProperties;
import org.springframework.stereotype.Component;

/**
 * The service's rules for what patients do themselves: book no nearer than the cut-off and no further ahead than
 * allowed; move an appointment only so many times, and not within the cut-off; cancel not within it. Staff are
 * not limited. A patient's booking is written with their name on it but with the right to change Slots, which a
 * patient's own access does not give: the operation has checked everything the patient may do first.
 */
@Component
class PatientRules {

    static final String RESCHEDULES = "https://fhir.joinedup.nhs.uk/StructureDefinition/patient-reschedules";
    private static final Set<String> SCHEDULING_TYPES = Set.of("Slot", "Appointment");

    private final SchedulingProperties properties;

    PatientRules(SchedulingProperties properties) {
        this.properties = properties;
    }

    static boolean isPatient(FhirAccess caller) {
        return "patient".equals(caller.agent().kind());
    }

    /** The rules of a service named as a search token ({@code system|code}, or a bare code); the defaults for none. */
    SchedulingProperties.BookingRules ofService(String token) {
        return properties.rulesFor(token == null ? null : token.substring(token.indexOf('|') + 1));
    }

    SchedulingProperties.BookingRules of(JsonNode slotOrAppointment) {
        return properties.rulesFor(slotOrAppointment.at("/serviceType/0/coding/0/code").asText(null));
    }

    /** A patient may book or move into this slot. */
    void mayBookInto(FhirAccess caller, ObjectNode slot) {
        if (!isPatient(caller)) {
            return;
        }
        var rules = of(slot);
        Instant start = start(slot);
        Instant now = Instant.now();
        if (start.isBefore(now.plus(rules.cutOff()))) {
            throw new Refusal(422, "business-rule", "Appointments starting within " + words(rules.cutOff()) + " cannot be booked online: contact the clinic");
        }
        if (start.isAfter(now.plus(rules.bookAhead()))) {
            throw new Refusal(422, "business-rule", "Appointments can be booked online up to " + words(rules.bookAhead()) + " ahead: choose an earlier one");
        }
    }

    /** A patient may still change (move or cancel) this appointment; {@code moving} also counts their moves so far. */
    void mayChange(FhirAccess caller, ObjectNode appointment, boolean moving) {
        if (!isPatient(caller)) {
            return;
        }
        var rules = of(appointment);
        if (start(appointment).isBefore(Instant.now().plus(rules.cutOff()))) {
            throw new Refusal(422, "business-rule", "The appointment is within " + words(rules.cutOff()) + ": contact the clinic to change it");
        }
        if (moving && reschedules(appointment) >= rules.patientReschedules()) {
            throw new Refusal(422, "business-rule", "This appointment has been moved online " + reschedules(appointment)
                    + " times, the most allowed: contact the clinic to move it again");
        }
    }

    /** Counts a patient's move on the appointment (an extension, so it travels with the appointment's versions). */
    static void countMove(FhirAccess caller, ObjectNode appointment) {
        if (!isPatient(caller)) {
            return;
        }
        int moves = reschedules(appointment) + 1;
        var extensions = appointment.withArray("extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (RESCHEDULES.equals(extensions.get(i).path("url").asText())) {
                extensions.remove(i);
            }
        }
        extensions.addObject().put("url", RESCHEDULES).put("valueInteger", moves);
    }

    /** Who writes the change: staff as themselves; a patient as themselves, allowed to change Slots and Appointments. */
    static FhirAccess writer(FhirAccess caller) {
        return writer(caller, SCHEDULING_TYPES);
    }

    /** Who writes a change a patient may make to these types (checked by the operation first): the patient, allowed to. */
    static FhirAccess writer(FhirAccess caller, Set<String> types) {
        if (!isPatient(caller)) {
            return caller;
        }
        return new FhirAccess(caller.agent(), (type, action) -> types.contains(type) || caller.permissions().allows(type, action),
                Visibility.EVERYTHING, false);
    }

    static int reschedules(JsonNode appointment) {
        for (JsonNode extension : appointment.path("extension")) {
            if (RESCHEDULES.equals(extension.path("url").asText())) {
                return extension.path("valueInteger").asInt();
            }
        }
        return 0;
    }

    static Instant start(JsonNode slotOrAppointment) {
        return OffsetDateTime.parse(slotOrAppointment.path("start").asText()).toInstant();
    }

    private static String words(Duration duration) {
        long hours = duration.toHours();
        return hours % 24 == 0 ? hours / 24 + (hours == 24 ? " day" : " days") : hours + (hours == 1 ? " hour" : " hours");
    }
}
