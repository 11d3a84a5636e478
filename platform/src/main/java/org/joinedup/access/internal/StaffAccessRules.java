package org.joinedup.access.internal;

import java.util.HashSet;
import java.util.Set;
import org.joinedup.access.Role;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.Visibility;
import org.springframework.stereotype.Component;

/** Staff access, for bearer tokens (with their scopes) and for JoinedUp's own pages (with all of the role's). */
@Component
class StaffAccessRules implements StaffAccess {

    private final BreakGlassGrants breakGlass;

    StaffAccessRules(BreakGlassGrants breakGlass) {
        this.breakGlass = breakGlass;
    }

    @Override
    public FhirAccess of(String username, String role, String organization) {
        return staff(username, Role.ofClaim(role), organization, null, null, (type, action) -> true);
    }

    @Override
    public FhirAccess trace(String username, String role, String organization) {
        Role staffRole = Role.ofClaim(role);
        if (staffRole == null || !RolePolicy.needsRelationship(staffRole)) {
            return JwtAccessResolver.NOBODY;
        }
        return new FhirAccess(new FhirAgent(username, "staff", staffRole.claim(), organization, null, "TREAT", null),
                (type, action) -> type.equals("Patient") && (action == FhirAction.SEARCH || action == FhirAction.READ), Visibility.EVERYTHING, false);
    }

    /**
     * @param fhirUser the user's Practitioner or PractitionerRole, if the token names one (a party to relationships)
     * @param scoped what the token's scopes allow (all, for the platform's pages)
     */
    FhirAccess staff(String username, Role role, String organization, String fhirUser, String client, FhirAccess.Permissions scoped) {
        if (role == null) {
            return JwtAccessResolver.NOBODY;
        }
        Set<String> parties = new HashSet<>();
        if (organization != null) {
            parties.add("ods:" + organization);
            parties.add("Organization/" + organization);
        }
        if (fhirUser != null && (fhirUser.startsWith("Practitioner/") || fhirUser.startsWith("PractitionerRole/"))) {
            parties.add(fhirUser);
        }
        boolean relationship = RolePolicy.needsRelationship(role);
        BreakGlassGrants.Active grants = relationship ? breakGlass.active(username) : BreakGlassGrants.Active.NONE;
        Visibility visibility = new Visibility(false, grants.patients(), relationship ? parties : Set.of(), RolePolicy.hiddenLabels(role));
        return new FhirAccess(new FhirAgent(username, "staff", role.claim(), organization, client, "TREAT", grants.patients()),
                (type, action) -> scoped.allows(type, action) && RolePolicy.allows(role, type, action), visibility, relationship);
    }
}
