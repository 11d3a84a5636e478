package org.joinedup.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.joinedup.identity.SignIn;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Everything outside the FHIR API and the provider's endpoints: discovery documents and health are public;
 * other operational endpoints need a bearer token; pages need a signed-in session. The device gateway
 * ({@code /devices/**}) checks its bearer token itself, as the FHIR API does (401 or 403 with a reason, never a
 * sign-in page), and takes no cookies, so it needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(10)
    SecurityFilterChain webChain(HttpSecurity http, JwtDecoder tokens, SignIn signIn) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/.well-known/**", "/auth/.well-known/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/auth/login", "/auth/external/**", "/nhsuk/**", "/htmx/**", "/error", "/favicon.ico", "/devices/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(tokens)));
        signIn.configure(http);
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/devices/**"));
        http
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

}
