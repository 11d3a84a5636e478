package org.joinedup.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo region's accounts, present in the embedded default so that the run command needs nothing else.
 * A production configuration sets {@code enabled} to false: there is then no demo client and no demo user.
 *
 * @param enabled whether the demo client and accounts exist
 * @param clientId the demo system client's id, granted {@code system/*.cruds}
 * @param clientSecret the demo system client's secret
 * @param userPassword the password of every demo user account
 */
@ConfigurationProperties("joinedup.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("joinedup-demo") String clientId,
        @DefaultValue("joinedup-demo-secret") String clientSecret,
        @DefaultValue("demo-password") String userPassword) {
}
