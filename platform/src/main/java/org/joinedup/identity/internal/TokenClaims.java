package org.joinedup.identity.internal;

import java.util.List;
import org.joinedup.fhir.FhirProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What an access token says: its audience is the FHIR API (SMART's {@code aud}), and it names its client
 * and, for a machine, that it acts as a system.
 */
@Configuration(proxyBeanMethods = false)
class TokenClaims {

    static final String CLAIM_CLIENT = "client_id";
    static final String CLAIM_KIND = "joinedup_kind";

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(FhirProperties fhir) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(fhir.baseUrl()));
            context.getClaims().claim(CLAIM_CLIENT, context.getRegisteredClient().getClientId());
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim(CLAIM_KIND, "system");
            }
        };
    }
}
