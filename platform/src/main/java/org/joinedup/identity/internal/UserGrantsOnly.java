package org.joinedup.identity.internal;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps the authorisations of users' grants, and drops those of client credentials, which are never read back.
 * A user's grant remembers the role they were acting in when they authorised the app (chosen in their browser's
 * session), so that the tokens the app then fetches say that role.
 */
final class UserGrantsOnly implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;

    UserGrantsOnly(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        String chosen = ChosenRoles.sessionChoice();
        if (chosen != null && authorization.getAttribute(ChosenRoles.ATTRIBUTE) == null) {
            authorization = OAuth2Authorization.from(authorization).attribute(ChosenRoles.ATTRIBUTE, chosen).build();
        }
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
