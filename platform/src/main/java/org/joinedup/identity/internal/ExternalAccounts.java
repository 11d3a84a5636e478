package org.joinedup.identity.internal;

import java.util.List;
import java.util.Map;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.identity.IdentityProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a user signed in by an external provider into an account of the built-in provider: a member of
 * staff with the role and organisation their CIS2-shaped claims give, or a patient linked to their Patient
 * by the NHS number their NHS login-shaped claims give, with their identity proofing level.
 */
@Component
class ExternalAccounts extends OidcUserService {

    private final ExternalProviders providers;
    private final AccountStore accounts;
    private final PatientDirectory patients;

    ExternalAccounts(ExternalProviders providers, AccountStore accounts, PatientDirectory patients) {
        this.providers = providers;
        this.accounts = accounts;
        this.patients = patients;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        String issuer = String.valueOf(user.getIdToken().getIssuer());
        String username = registration + ":" + user.getName();
        boolean staff = ExternalProviders.STAFF.equals(registration);
        List<RoleProfile> roles = staff ? staffRoles(user) : List.of();
        Account mapped = staff ? new Account(username, null, "staff", roles.getFirst().role(), roles.getFirst().organization(), null, null, null, null,
                user.getFullName(), 0, null) : patient(username, user);
        accounts.upsertExternal(issuer, user.getSubject(), mapped);
        if (staff) {
            accounts.replaceOtherProfiles(username, roles.subList(1, roles.size()));
        }
        return signedInNow(user);
    }

    /** The user, marked as having authenticated by authorization code now: the provider's own ID tokens give that time as {@code auth_time}. */
    private static OidcUser signedInNow(OidcUser user) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                .issuedAt(java.time.Instant.now()).build());
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
    }

    /**
     * Every role profile the staff provider gives (CIS2: {@code nhsid_nrbac_roles}, each a role code and an
     * organisation) that maps to a platform role, in the provider's order; refused when none does.
     */
    private List<RoleProfile> staffRoles(OidcUser user) {
        IdentityProperties.ExternalProvider provider = providers.provider(ExternalProviders.STAFF);
        Object claim = user.getClaims().get(provider.roleClaim());
        List<?> given = claim instanceof List<?> list ? list : claim == null ? List.of() : List.of(claim.toString());
        String defaultOrganization = user.getClaimAsString(provider.organizationClaim());
        List<RoleProfile> roles = new java.util.ArrayList<>();
        String unmapped = null;
        for (Object entry : given) {
            String roleCode = entry instanceof Map<?, ?> role ? string(role.get("role_code")) : string(entry);
            String organization = entry instanceof Map<?, ?> role && role.get("org_code") != null ? string(role.get("org_code")) : defaultOrganization;
            String role = roleCode == null ? null : providers.roleMapping().get(lastPart(roleCode));
            if (role == null) {
                unmapped = roleCode;
            } else if (!roles.contains(new RoleProfile(role, organization))) {
                roles.add(new RoleProfile(role, organization));
            }
        }
        if (roles.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "No platform role for " + unmapped, null));
        }
        return roles;
    }

    private Account patient(String username, OidcUser user) {
        IdentityProperties.ExternalProvider provider = providers.provider(ExternalProviders.PATIENTS);
        String nhsNumber = user.getClaimAsString(provider.nhsNumberClaim());
        String level = user.getClaimAsString(provider.identityLevelClaim());
        String patientId = nhsNumber == null ? null : patients.findByNhsNumber(nhsNumber).orElse(null);
        return new Account(username, null, "patient", null, null, patientId == null ? null : "Patient/" + patientId, patientId,
                nhsNumber, level, user.getFullName(), 0, null);
    }

    /** CIS2 role codes come as {@code S8000:G8000:R8000}; the last part is the role. */
    private static String lastPart(String code) {
        int colon = code.lastIndexOf(':');
        return colon < 0 ? code : code.substring(colon + 1);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
