package org.joinedup.identity.internal;

import java.time.Instant;

/**
 * A user of the built-in provider: a member of staff (role, organisation, practitioner) or a patient
 * (their Patient, NHS number and identity proofing level), possibly signed in through an external provider.
 */
record Account(String username, String passwordHash, String kind, String role, String organization, String fhirUser,
               String patientId, String nhsNumber, String identityLevel, String displayName, int failedLogins,
               Instant lockedUntil) {

    boolean isStaff() {
        return "staff".equals(kind);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Patients reach their record only with identity proofed to NHS login's P9 (or the built-in provider's equivalent). */
    boolean proofedForRecordAccess() {
        return "P9".equals(identityLevel);
    }
}
