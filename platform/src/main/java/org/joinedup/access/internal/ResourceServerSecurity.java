package org.joinedup.access.internal;

import java.util.List;
import org.joinedup.fhir.FhirProperties;
import org.joinedup.identity.TokenKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The FHIR API as an OAuth2 resource server: every request but the capability statement carries a bearer
 * JWT, signed by the built-in provider, from its issuer, for the FHIR API's audience, and unexpired.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain fhirChain(HttpSecurity http, JwtDecoder tokens) throws Exception {
        http.securityMatcher("/fhir/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/fhir/metadata").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(tokens))
                        .authenticationEntryPoint(new OutcomeEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(TokenKeys keys, FhirProperties fhir) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.signingKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keys.issuer()), audience(fhir.baseUrl())));
        return decoder;
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
