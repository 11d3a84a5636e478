package org.joinedup.identity.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** How users signed in through an external provider are named among the provider's own accounts. */
final class ExternalLogin {

    private ExternalLogin() {
    }

    /** The account username of a signed-in user: their own for a password sign-in, or derived from the external provider and subject. */
    static String username(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken external) {
            return external.getAuthorizedClientRegistrationId() + ":" + external.getName();
        }
        return authentication.getName();
    }
}
