package org.joinedup.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The role a member of staff with several has chosen to act in for this session (kept in the session, so it ends
 * with it). Someone with one role acts in it without choosing.
 */
@Component
class ChosenRoles {

    static final String ATTRIBUTE = "joinedup.role";

    private final AccountStore accounts;

    ChosenRoles(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The role the account acts in now: its only one, or the one chosen in this session; empty until one is chosen. */
    Optional<RoleProfile> actingAs(Account account) {
        return actingAs(account, sessionChoice());
    }

    /** The role the account acts in given the choice made (a {@link RoleProfile#key()}, or null). */
    Optional<RoleProfile> actingAs(Account account, String chosen) {
        List<RoleProfile> profiles = accounts.profiles(account);
        if (profiles.size() <= 1) {
            return profiles.stream().findFirst();
        }
        return profiles.stream().filter(profile -> profile.key().equals(chosen)).findFirst();
    }

    /** The choice made in the current request's session, if any. */
    static String sessionChoice() {
        HttpSession session = currentSession();
        return session == null || !(session.getAttribute(ATTRIBUTE) instanceof String chosen) ? null : chosen;
    }

    /** Whether the account must choose a role before acting. */
    boolean mustChoose(Account account) {
        return account.isStaff() && actingAs(account).isEmpty();
    }

    /** Chooses one of the account's roles for this session; false when it holds no such role. */
    boolean choose(Account account, String key, HttpSession session) {
        Optional<RoleProfile> profile = accounts.profiles(account).stream().filter(p -> p.key().equals(key)).findFirst();
        profile.ifPresent(p -> session.setAttribute(ATTRIBUTE, p.key()));
        return profile.isPresent();
    }

    private static HttpSession currentSession() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getSession(false) : null;
    }
}
