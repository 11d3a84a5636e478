package org.joinedup.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in OpenID Connect provider.
 *
 * @param issuer the provider's public issuer URL; its endpoints live below it ({@code /auth/oauth2/token}, ...)
 * @param accessTokenLifetime how long an access token is accepted
 * @param clients machine clients (device gateways, feeds, analytics jobs) that get tokens by client credentials
 */
@ConfigurationProperties("joinedup.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080/auth") String issuer,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue List<MachineClient> clients) {

    public IdentityProperties {
        if (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
    }

    /**
     * A machine client. It authenticates with a secret, or, as SMART Backend Services asks, with a JWT signed
     * by a key published at {@code jwkSetUrl} ({@code private_key_jwt}).
     *
     * @param clientId the client's id
     * @param secret the client's secret (client_secret_basic or client_secret_post), or null
     * @param jwkSetUrl where the client's public keys are published, for private_key_jwt, or null
     * @param scopes the SMART scopes it may be granted, such as {@code system/Observation.cruds}
     */
    public record MachineClient(String clientId, String secret, String jwkSetUrl, List<String> scopes) {
    }
}
