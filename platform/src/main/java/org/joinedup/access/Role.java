package org.joinedup.access;

import java.util.Locale;

/** The staff roles, as the {@code role} claim of a token names them (lower case, hyphenated). */
public enum Role {
    CLINICIAN, CARE_WORKER, SCHEDULER, ANALYST, IG_AUDITOR, OPERATOR;

    public String claim() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role a claim names, or null. */
    public static Role ofClaim(String claim) {
        if (claim == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.claim().equalsIgnoreCase(claim)) {
                return role;
            }
        }
        return null;
    }
}
