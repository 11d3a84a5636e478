package org.joinedup.alerts.internal;

import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.joinedup.identity.SignedInUsers;
import org.springframework.stereotype.Component;

/** A page naming patients in alerts is a view of their records: audited before it is sent (refused if the audit fails). */
@Component
class AlertAudit {

    private final FhirAuditSink audit;

    AlertAudit(FhirAuditSink audit) {
        this.audit = audit;
    }

    void viewed(SignedInUsers.StaffMember staff, String page, String action, List<Alert> alerts) {
        List<FhirInteraction.Disclosed> disclosed = alerts.stream().map(Alert::patientId).filter(p -> p != null).distinct()
                .map(p -> new FhirInteraction.Disclosed(0, "Patient", p, List.of(p))).toList();
        if (disclosed.isEmpty()) {
            audit.pageView(staff.username(), staff.role(), staff.organization(), page, action);
            return;
        }
        audit.record(new FhirInteraction(new FhirAgent(staff.username(), "staff", staff.role(), staff.organization(), null, "TREAT", null),
                Instant.now(), "GET", page, action, 200, disclosed, null));
    }
}
