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
 * @param mqtt an MQTT broker to take batches from as well, if one is configured
 */
@ConfigurationProperties("joinedup.devices")
public record DevicesProperties(@DefaultValue("22:00") LocalTime nightStart, @DefaultValue("07:00") LocalTime nightEnd,
                                @DefaultValue("Europe/London") ZoneId zone, @DefaultValue Mqtt mqtt) {

    /**
     * An MQTT broker (3.1.1) the gateway subscribes to: each message a batch, as JSON like the HTTP body, with the
     * sending client's bearer token in {@code token} and, if it wants the answer, a topic in {@code replyTo}.
     *
     * @param url the broker, for example {@code tcp://broker:1883} or {@code ssl://broker:8883}; none: no MQTT
     * @param topic the topic (filter) batches are published to
     * @param clientId the platform's client id at the broker (one persistent session: messages sent while it was away are kept for it)
     * @param username the platform's user name at the broker, if it needs one
     * @param password its password
     */
    public record Mqtt(String url, @DefaultValue("joinedup/devices/events") String topic, @DefaultValue("joinedup-device-gateway") String clientId,
                       String username, String password) {
    }

    /** Whether an instant falls in the night. */
    public boolean isNight(java.time.Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return nightStart.isAfter(nightEnd) ? !time.isBefore(nightStart) || time.isBefore(nightEnd)
                : !time.isBefore(nightStart) && time.isBefore(nightEnd);
    }
}
