package org.joinedup.notify;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messages to patients.
 *
 * @param provider {@code local} (kept in the database and shown on the operators' page, sending nothing) or
 *                 {@code gov-uk-notify}
 * @param publicUrl the address patients reach the platform at, for the links in messages
 * @param quietStart when the quiet hours begin (no message is sent from then until {@code quietEnd}), in {@code zone}
 * @param quietEnd when the quiet hours end
 * @param zone the local time of the quiet hours and of the dates in messages
 * @param pollInterval how often the outbox is looked at for messages due
 * @param maxAttempts how many times a message is tried before it is shown to operators as failed
 * @param firstRetry the wait after a first failure; each later wait is four times the one before
 * @param sendTimeout how long a send may take before another worker may take the message over (after checking
 *                    with the provider whether it was sent)
 * @param linkLifetime how long a link in a message can be used
 * @param concurrentSends how many messages a node sends at once (GOV.UK Notify allows 3,000 a minute per service)
 * @param govUkNotify GOV.UK Notify's settings, when it is the provider
 */
@ConfigurationProperties("joinedup.notify")
public record NotifyProperties(@DefaultValue("local") String provider, @DefaultValue("http://localhost:8080") URI publicUrl,
                               @DefaultValue("20:00") LocalTime quietStart, @DefaultValue("08:00") LocalTime quietEnd,
                               @DefaultValue("Europe/London") ZoneId zone, @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("6") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
                               @DefaultValue("2m") Duration sendTimeout, @DefaultValue("14d") Duration linkLifetime,
                               @DefaultValue("4") int concurrentSends,
                               @DefaultValue GovUkNotify govUkNotify) {

    /**
     * GOV.UK Notify.
     *
     * @param apiKey the service's API key (from Notify's API integration page)
     * @param baseUrl Notify's API
     * @param callbackToken the bearer token Notify sends with delivery receipts (set the same on Notify's callbacks page)
     * @param templates Notify's template id for each kind of message and channel, keyed {@code kind-channel}
     *                  (for example {@code appointment-reminder-sms}); each template has the same placeholders as
     *                  the platform's own text of that message
     */
    public record GovUkNotify(String apiKey, @DefaultValue("https://api.notifications.service.gov.uk") URI baseUrl, String callbackToken,
                              Map<String, String> templates) {

        public GovUkNotify {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }
}
