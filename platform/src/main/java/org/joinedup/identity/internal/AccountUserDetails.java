package org.joinedup.identity.internal;

import java.time.Instant;
import java.util.List;
import org.joinedup.identity.IdentityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs users in with the accounts of the built-in provider, and locks an account after too many failed
 * attempts in a row, for a while.
 */
@Component
class AccountUserDetails implements UserDetailsService {

    private final AccountStore accounts;
    private final IdentityProperties properties;

    AccountUserDetails(AccountStore accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(username).filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(account.username()).password(account.passwordHash())
                .accountLocked(account.lockedAt(Instant.now()))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + (account.isStaff() ? "STAFF" : "PATIENT"))))
                .build();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            accounts.recordFailure(username, properties.maxFailedLogins(), properties.lockout());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserDetails user) {
            accounts.recordSuccess(user.getUsername());
        }
    }
}
