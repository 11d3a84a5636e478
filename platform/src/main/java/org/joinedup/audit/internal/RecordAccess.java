package org.joinedup.audit.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.audit.AuditProperties;
import org.joinedup.audit.RecordUses;
import org.joinedup.fhir.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * "Who viewed my record and why", in plain language: each time a member of staff opened, searched or changed
 * a patient's record, with their organisation, role, date and reason, but not their name unless configured.
 */
@Component
class RecordAccess implements RecordUses {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private static final int SHOWN = 200;

    private final AuditSearch search;
    private final OrganisationDirectory organisations;
    private final AuditProperties properties;

    RecordAccess(AuditSearch search, OrganisationDirectory organisations, AuditProperties properties) {
        this.search = search;
        this.organisations = organisations;
        this.properties = properties;
    }

    @Override
    public List<RecordUse> of(String patientId) {
        Map<String, String> names = new HashMap<>();
        return search.find(new AuditSearch.Query(patientId, null, null, null, null, null, "staff", null, SHOWN)).stream()
                .filter(entry -> entry.outcome().startsWith("2"))
                .map(entry -> new RecordUse(WHEN.format(entry.recorded()).replace("AM", "am").replace("PM", "pm"),
                        entry.organization() == null ? "Unknown organisation"
                                : names.computeIfAbsent(entry.organization(), ods -> organisations.nameByOdsCode(ods).orElse("Organisation " + ods)),
                        role(entry.agentRole()), what(entry.action()), why(entry.breakGlass()), entry.breakGlass(),
                        properties.showStaffNames() ? entry.agent() : null))
                .toList();
    }

    private static String role(String role) {
        if (role == null) {
            return "Staff";
        }
        return switch (role) {
            case "clinician" -> "Clinician";
            case "care-worker" -> "Care worker";
            case "scheduler" -> "Administrator";
            default -> "Staff";
        };
    }

    private static String what(String action) {
        return switch (action) {
            case "read", "vread", "history" -> "Viewed your record";
            case "search", "operation $everything" -> "Looked through your record";
            case "create", "update", "patch", "batch-or-transaction" -> "Added to or changed your record";
            case "delete" -> "Removed something from your record";
            case "break-glass" -> "Asked for emergency access to your record";
            default -> "Used your record";
        };
    }

    private static String why(boolean breakGlass) {
        return breakGlass ? "Emergency access: they had no care relationship with you, gave a reason, and this is checked by the"
                + " information governance team" : "Your care";
    }
}
