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
 * @param apps SMART apps (public clients, authorization code with PKCE) that sign users in
 * @param maxFailedLogins consecutive failed sign-ins after which an account is locked
 * @param lockout how long a locked account stays locked
 * @param loginAttemptsPerMinute sign-in attempts accepted from one network address per minute (429 above it)
 * @param staffProvider an external OpenID Connect provider for staff, shaped like NHS CIS2; none when its issuer is unset
 * @param patientProvider an external OpenID Connect provider for patients, shaped like NHS login; none when its issuer is unset
 */
@ConfigurationProperties("joinedup.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080/auth") String issuer,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue List<MachineClient> clients,
        @DefaultValue List<App> apps,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("20") int loginAttemptsPerMinute,
        @DefaultValue ExternalProvider staffProvider,
        @DefaultValue ExternalProvider patientProvider) {

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

    /**
     * A SMART app that signs users in: a public client using the authorization code flow with PKCE.
     *
     * @param clientId the app's id
     * @param redirectUris where the provider may send the user back with a code
     * @param scopes the scopes it may ask for
     */
    public record App(String clientId, List<String> redirectUris, List<String> scopes) {
    }

    /**
     * An external OpenID Connect provider users sign in with; the built-in provider then issues its own tokens.
     *
     * @param issuerUri the provider's issuer (its discovery document is read at start-up); unset for none
     * @param clientId this platform's client id there
     * @param clientSecret this platform's client secret there
     * @param name what the sign-in page calls it
     * @param scopes the scopes asked for
     * @param roleClaim staff: the claim holding roles (CIS2: {@code nhsid_nrbac_roles}, objects with {@code role_code} and {@code org_code})
     * @param organizationClaim staff: the claim holding the ODS code, when roles are plain strings
     * @param roleMapping staff: provider role codes to platform roles (clinician, care-worker, scheduler, analyst, ig-auditor, operator)
     * @param nhsNumberClaim patients: the claim holding the NHS number
     * @param identityLevelClaim patients: the claim holding the identity proofing level (P9 is needed for record access)
     */
    public record ExternalProvider(String issuerUri, String clientId, String clientSecret, String name,
                                   @DefaultValue({"openid", "profile"}) List<String> scopes,
                                   @DefaultValue("nhsid_nrbac_roles") String roleClaim,
                                   @DefaultValue("org_code") String organizationClaim,
                                   @DefaultValue java.util.Map<String, String> roleMapping,
                                   @DefaultValue("nhs_number") String nhsNumberClaim,
                                   @DefaultValue("identity_proofing_level") String identityLevelClaim) {

        public boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
