package org.joinedup.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointments.
 *
 * @param rules the booking and reminder rules of services without their own
 * @param services each service's own rules, by its service-type code (the code in its Slots' {@code serviceType});
 *                 a service's rules replace the defaults whole
 * @param reminderInterval how often appointments are looked at for reminders due
 * @param slotHorizonWeeks how many weeks ahead each clinic's slots are kept made, from its weekly sessions
 * @param slotRollForward how often clinics are looked at and their slots rolled forward to the horizon (from start; a clinic
 *                        already made up to it costs one search)
 * @param validateAfterWeeks waiting list validation asks every patient waiting longer than this whether they still
 *                           need to be seen (again after as long, if they said yes)
 * @param validationInterval how often the validation campaign runs
 * @param answerWithin how long a patient has to answer before they go on the worklist for a call
 * @param pifuNoticeBefore how long before a patient-initiated follow-up window ends the patient is told
 * @param pifuInterval how often follow-up windows are checked for their end
 */
@ConfigurationProperties("joinedup.scheduling")
public record SchedulingProperties(@DefaultValue BookingRules rules, Map<String, BookingRules> services,
                                   @DefaultValue("5m") Duration reminderInterval, @DefaultValue("26") int slotHorizonWeeks,
                                   @DefaultValue("1h") Duration slotRollForward, @DefaultValue("12") int validateAfterWeeks,
                                   @DefaultValue("7d") Duration validationInterval, @DefaultValue("21d") Duration answerWithin,
                                   @DefaultValue("14d") Duration pifuNoticeBefore, @DefaultValue("1h") Duration pifuInterval) {

    public SchedulingProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** A service's rules (by service-type code), or the defaults. */
    public BookingRules rulesFor(String serviceCode) {
        return serviceCode == null ? rules : services.getOrDefault(serviceCode, rules);
    }

    /**
     * What patients may do for themselves, and when they are reminded. Staff may book and change any free slot.
     *
     * @param bookAhead how far ahead a patient may book
     * @param patientReschedules how many times a patient may move one appointment themselves
     * @param cutOff how long before an appointment a patient can no longer book, move or cancel it themselves
     * @param reminders how long before an appointment each reminder is sent (none for cancelled or past ones)
     */
    public record BookingRules(@DefaultValue("90d") Duration bookAhead, @DefaultValue("2") int patientReschedules,
                               @DefaultValue("24h") Duration cutOff, @DefaultValue({"7d", "1d"}) List<Duration> reminders) {
    }
}
