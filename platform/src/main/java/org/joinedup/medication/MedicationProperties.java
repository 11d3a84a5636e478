package org.joinedup.medication;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Medication at home.
 *
 * @param morning the morning round: "in the morning", once a day, with breakfast, on waking
 * @param lunchtime the lunchtime round: "at noon", the midday dose of three or four a day, with lunch
 * @param teatime the teatime round: "in the evening", the second of twice a day, with the evening meal
 * @param bedtime the bedtime round: "at night", before sleep, the last of four a day
 * @param zone the local time of the rounds and of each day's doses
 * @param lateAfter how long after its time a dose not yet taken counts as late (the dispenser says so itself too)
 */
@ConfigurationProperties("joinedup.medication")
public record MedicationProperties(@DefaultValue("08:00") LocalTime morning, @DefaultValue("13:00") LocalTime lunchtime,
                                   @DefaultValue("18:00") LocalTime teatime, @DefaultValue("22:00") LocalTime bedtime,
                                   @DefaultValue("Europe/London") ZoneId zone, @DefaultValue("1h") Duration lateAfter) {

    /** The rounds as the dose schedule uses them. */
    public DoseSchedule.Rounds rounds() {
        return new DoseSchedule.Rounds(morning, lunchtime, teatime, bedtime);
    }
}
