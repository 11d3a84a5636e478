package org.joinedup.identity.internal;

import org.joinedup.identity.IdentityProperties;
import org.joinedup.identity.SignIn;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Sign-in for the web: the provider's own page with username and password (throttled per address, accounts
 * locked after repeated failures), and the external providers when configured.
 */
@Component
class SignInConfiguration implements SignIn {

    private static final String LOGIN = AuthorizationServerConfiguration.BASE + "/login";

    private final ExternalProviders external;
    private final ExternalAccounts externalAccounts;
    private final IdentityProperties properties;

    SignInConfiguration(ExternalProviders external, ExternalAccounts externalAccounts, IdentityProperties properties) {
        this.external = external;
        this.externalAccounts = externalAccounts;
        this.properties = properties;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN).permitAll()
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                LOGIN + (failure instanceof LockedException ? "?error=locked" : "?error=credentials"))))
                .logout(logout -> logout.logoutUrl(AuthorizationServerConfiguration.BASE + "/logout").logoutSuccessUrl(LOGIN))
                .addFilterBefore(new LoginThrottle(properties.loginAttemptsPerMinute()), UsernamePasswordAuthenticationFilter.class);
        if (external.any()) {
            http.oauth2Login(login -> login.loginPage(LOGIN)
                    .clientRegistrationRepository(external.repository())
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(ExternalProviders.LOGIN_BASE))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(ExternalProviders.LOGIN_BASE + "/callback/*"))
                    .userInfoEndpoint(info -> info.oidcUserService(externalAccounts))
                    .failureUrl(LOGIN + "?error=external"));
        }
    }
}
