package org.joinedup.access.internal;

import org.joinedup.access.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/** A member of staff as their token describes them. */
record StaffUser(String subject, Role role, String organization, String clientId) {

    /** The staff user of a token, or null when the token is not a member of staff's. */
    static StaffUser of(Jwt jwt) {
        if (jwt == null || !"staff".equals(jwt.getClaimAsString("joinedup_kind"))) {
            return null;
        }
        return new StaffUser(jwt.getSubject(), Role.ofClaim(jwt.getClaimAsString("role")), jwt.getClaimAsString("organization"),
                jwt.getClaimAsString("client_id"));
    }
}
