package org.joinedup.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FHIR Subscriptions.
 *
 * @param pollInterval how often the store's changes are looked at for notifications
 * @param overlap how far back each look reaches again, for writes whose transactions committed late (a write in a
 *                transaction longer than this may be missed by subscriptions)
 * @param deliveryAttempts how many times a rest-hook notification is tried before the Subscription is set to error
 * @param deliveryTimeout how long a rest-hook endpoint has to answer
 */
@ConfigurationProperties("joinedup.subscriptions")
public record SubscriptionProperties(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("5s") Duration overlap,
                                     @DefaultValue("3") int deliveryAttempts, @DefaultValue("10s") Duration deliveryTimeout) {
}
