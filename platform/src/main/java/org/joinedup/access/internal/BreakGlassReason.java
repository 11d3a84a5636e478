package org.joinedup.access.internal;

import java.util.Locale;

/** Why a member of staff broke glass. "Other" needs words of its own. */
enum BreakGlassReason {
    EMERGENCY_CARE("Emergency care"), SAFEGUARDING("Safeguarding"), PATIENT_ASKED("The patient asked"), OTHER("Other");

    private final String label;

    BreakGlassReason(String label) {
        this.label = label;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String label() {
        return label;
    }

    static BreakGlassReason ofCode(String code) {
        for (BreakGlassReason reason : values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
