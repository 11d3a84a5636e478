package org.joinedup.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joinedup.fhir.FhirProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What a token says. An access token's audience is the FHIR API (SMART's {@code aud}); it names its client
 * and the kind of caller. A user's tokens also carry who they are: a member of staff's role, organisation
 * (ODS code) and practitioner; a patient's own Patient, given only when their identity is proofed to P9.
 * A user is granted only the scopes of their kind: {@code user/} for staff, {@code patient/} for patients.
 */
@Configuration(proxyBeanMethods = false)
class TokenClaims {

    static final String CLAIM_CLIENT = "client_id";
    static final String CLAIM_KIND = "joinedup_kind";

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> jwtClaimsCustomizer(FhirProperties fhir, AccountStore accounts, ChosenRoles roles) {
        return context -> {
            boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!access && !id) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().audience(List.of(fhir.baseUrl()));
                context.getClaims().claim(CLAIM_CLIENT, context.getRegisteredClient().getClientId());
                context.getClaims().claim(CLAIM_KIND, "system");
                return;
            }
            Optional<Account> account = account(context.getPrincipal(), accounts);
            account.map(Account::fhirUser).ifPresent(user -> context.getClaims().claim("fhirUser", user));
            if (!access) {
                return;
            }
            context.getClaims().audience(List.of(fhir.baseUrl()));
            context.getClaims().claim(CLAIM_CLIENT, context.getRegisteredClient().getClientId());
            if (account.isEmpty()) {
                context.getClaims().claim("scope", List.of());
                return;
            }
            Account user = account.get();
            context.getClaims().claim(CLAIM_KIND, user.kind());
            if (user.isStaff()) {
                String chosen = context.getAuthorization() == null ? null : context.getAuthorization().getAttribute(ChosenRoles.ATTRIBUTE);
                Optional<RoleProfile> acting = roles.actingAs(user, chosen); // chosen in the session that authorised the app
                claim(context, "role", acting.map(RoleProfile::role).orElse(null));
                claim(context, "organization", acting.map(RoleProfile::organization).orElse(null));
            } else if (user.proofedForRecordAccess() && user.patientId() != null) {
                context.getClaims().claim("patient", user.patientId());
            }
            String mine = user.isStaff() ? "user/" : "patient/";
            context.getClaims().claim("scope", context.getAuthorizedScopes().stream()
                    .filter(scope -> !isResourceScope(scope) || scope.startsWith(mine)).sorted().toList());
        };
    }

    private static boolean isResourceScope(String scope) {
        return Set.of("user", "patient", "system").stream().anyMatch(prefix -> scope.startsWith(prefix + "/"));
    }

    private static void claim(JwtEncodingContext context, String name, String value) {
        if (value != null) {
            context.getClaims().claim(name, value);
        }
    }

    private static Optional<Account> account(Authentication principal, AccountStore accounts) {
        return principal == null ? Optional.empty() : accounts.find(ExternalLogin.username(principal));
    }
}
