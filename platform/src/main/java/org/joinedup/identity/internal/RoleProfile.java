package org.joinedup.identity.internal;

/** One role a member of staff holds in one organisation (an NHS CIS2 role profile). */
record RoleProfile(String role, String organization) {

    /** As a form value and session value: {@code role@organisation}. */
    String key() {
        return role + "@" + organization;
    }
}
