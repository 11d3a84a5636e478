package org.joinedup.alerts;

import java.util.Locale;

/** How fast someone must respond: an emergency (at once), urgent (within the hour), routine (today). FHIR's priority of each. */
public enum AlertSeverity {
    EMERGENCY("stat"), URGENT("urgent"), ROUTINE("routine");

    private final String fhirPriority;

    AlertSeverity(String fhirPriority) {
        this.fhirPriority = fhirPriority;
    }

    public String fhirPriority() {
        return fhirPriority;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
