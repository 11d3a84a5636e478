package org.joinedup.portal.internal;

import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Portal pages show patient data, so each view is audited like any FHIR read, before the page is sent (and if the
 * audit cannot be written, the page is refused). A proxy's views are recorded as family-requested (FAMRQT).
 */
@Component
class PortalAudit {

    private final FhirAuditSink audit;

    PortalAudit(FhirAuditSink audit) {
        this.audit = audit;
    }

    void viewed(Authentication authentication, String page, List<RecordChoice> shown) {
        boolean proxy = shown.stream().anyMatch(choice -> !choice.own());
        audit.record(new FhirInteraction(new FhirAgent(authentication.getName(), "patient", null, null, null, proxy ? "FAMRQT" : "PATRQT", null),
                Instant.now(), "GET", page, "page " + page.substring(page.lastIndexOf('/') + 1), 200,
                shown.stream().map(c -> new FhirInteraction.Disclosed(0, "Patient", c.patientId(), List.of(c.patientId()))).toList(), null));
    }
}
