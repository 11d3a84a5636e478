package org.joinedup.access.internal;

import java.util.List;
import org.joinedup.fhir.FhirProperties;
import org.joinedup.identity.TokenKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The FHIR API as an OAuth2 resource server. Every request but the capability statement carries a bearer JWT,
 * signed by the built-in provider, from its issuer, for the FHIR API's audience, and unexpired.
 * <p>
 * The FHIR servlet checks the token itself ({@link JwtAccessResolver}) rather than through Spring Security's
 * filter chain: the chain's fifteen filters cost more CPU than a FHIR read (docs/benchmarks.md), and the API
 * is stateless, has no forms (no CSRF) and answers JSON with its own security headers. The request firewall
 * still applies to it.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurity {

    @Bean
    WebSecurityCustomizer fhirApiChecksItsOwnTokens() {
        return web -> web.ignoring().requestMatchers("/fhir/**");
    }

    @Bean
    JwtDecoder jwtDecoder(TokenKeys keys, FhirProperties fhir) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.signingKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keys.issuer()), audience(fhir.baseUrl())));
        return new CachingJwtDecoder(decoder, java.time.Clock.systemUTC());
    }

    /** SMART's {@code aud}: a token is for this FHIR API or for nothing here. */
    static OAuth2TokenValidator<Jwt> audience(String fhirBase) {
        return jwt -> {
            List<String> audience = jwt.getAudience();
            return audience != null && audience.contains(fhirBase) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for " + fhirBase, null));
        };
    }
}
