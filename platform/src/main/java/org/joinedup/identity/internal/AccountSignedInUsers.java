package org.joinedup.identity.internal;

import java.util.Optional;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Answers {@link SignedInUsers} from a token's claims or a session's account. */
@Component
class AccountSignedInUsers implements SignedInUsers {

    private final AccountStore accounts;
    private final ChosenRoles roles;

    AccountSignedInUsers(AccountStore accounts, ChosenRoles roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    public Optional<StaffMember> staffOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return "staff".equals(token.getToken().getClaimAsString("joinedup_kind"))
                    ? Optional.of(new StaffMember(token.getName(), token.getToken().getClaimAsString("role"),
                    token.getToken().getClaimAsString("organization"))) : Optional.empty();
        }
        // a member of staff with several roles acts in none until they have chosen one (RoleChoiceFilter asks them)
        return accounts.find(ExternalLogin.username(authentication)).filter(Account::isStaff)
                .flatMap(account -> roles.actingAs(account).map(role -> new StaffMember(account.username(), role.role(), role.organization())));
    }

    @Override
    public Optional<String> proofedNhsNumber(String subject) {
        return accounts.find(subject).filter(account -> !account.isStaff() && account.proofedForRecordAccess()).map(Account::nhsNumber);
    }

    @Override
    public Optional<String> proofedNhsNumber(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        String username = authentication instanceof JwtAuthenticationToken token ? token.getName() : ExternalLogin.username(authentication);
        return proofedNhsNumber(username);
    }

    @Override
    public boolean isPatient(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return "patient".equals(token.getToken().getClaimAsString("joinedup_kind"));
        }
        return authentication != null && accounts.find(ExternalLogin.username(authentication)).filter(account -> !account.isStaff()).isPresent();
    }

    @Override
    public Optional<String> patientOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return "patient".equals(token.getToken().getClaimAsString("joinedup_kind"))
                    ? Optional.ofNullable(token.getToken().getClaimAsString("patient")) : Optional.empty();
        }
        return accounts.find(ExternalLogin.username(authentication))
                .filter(account -> !account.isStaff() && account.proofedForRecordAccess())
                .map(Account::patientId);
    }
}
