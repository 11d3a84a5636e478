package org.joinedup.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.joinedup.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The built-in OpenID Connect provider (Spring Authorization Server) at {@code /auth}: token, authorize,
 * JWK set, discovery and user info endpoints, issuing JWT access tokens that carry SMART scopes.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String BASE = "/auth";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults())
                        .tokenEndpoint(token -> token.accessTokenResponseHandler(LaunchContext.handler())))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(BASE + "/login"),
                        request -> true));
        return http.build();
    }

    /**
     * The issuer is {@code .../auth}; the endpoints are its default paths below it ({@code /oauth2/token}, ...), which
     * {@link IssuerPathForwarder} serves at {@code /auth/oauth2/token}, so that published metadata and the URLs
     * clients use (and put in their client assertions) agree.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<IssuerPathForwarder> issuerPathForwarder() {
        org.springframework.boot.web.servlet.FilterRegistrationBean<IssuerPathForwarder> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new IssuerPathForwarder());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyStore keys) {
        SigningKeyStore.SigningKey key = keys.key();
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.keyId()).build();
        return new ImmutableJWKSet<>(new JWKSet(jwk));
    }

    /**
     * Tokens are self-contained JWTs. Authorisation codes and refresh tokens in flight are held in memory;
     * client-credentials grants are not kept at all (nothing ever looks them up), so that machine clients
     * fetching tokens all day do not fill the heap.
     */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new UserGrantsOnly(new InMemoryOAuth2AuthorizationService());
    }
}
