package org.joinedup.devices;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The device gateway.
 *
 * @param nightStart from when a person leaving their bed raises an alert (a falls lamp's bed-exit event), in {@code zone}
 * @param nightEnd until when
 * @param zone the local time of the night
 */
@ConfigurationProperties("joinedup.devices")
public record DevicesProperties(@DefaultValue("22:00") LocalTime nightStart, @DefaultValue("07:00") LocalTime nightEnd,
                                @DefaultValue("Europe/London") ZoneId zone) {

    /** Whether an instant falls in the night. */
    public boolean isNight(java.time.Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return nightStart.isAfter(nightEnd) ? !time.isBefore(nightStart) || time.isBefore(nightEnd)
                : !time.isBefore(nightStart) && time.isBefore(nightEnd);
    }
}
