package org.joinedup.audit.internal;

import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** A patient's view of who has used their record: a page in the portal, and the same as JSON for apps. */
@Controller
class RecordAccessPages {

    private final RecordAccess access;
    private final SignedInUsers users;
    private final FhirAuditSink audit;

    RecordAccessPages(RecordAccess access, SignedInUsers users, FhirAuditSink audit) {
        this.access = access;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/portal/record-access")
    String page(Authentication authentication, Model model) {
        model.addAttribute("lines", lines(authentication));
        return "portal/record-access";
    }

    @GetMapping("/portal/api/record-access")
    @ResponseBody
    List<RecordAccess.Line> json(Authentication authentication) {
        return lines(authentication);
    }

    private List<RecordAccess.Line> lines(Authentication authentication) {
        String patient = users.patientOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only a patient whose identity is confirmed can see who has used their record"));
        List<RecordAccess.Line> lines = access.of(patient);
        // the page shows patient data, so it is audited like any other access (and fails closed)
        audit.record(new FhirInteraction(new FhirAgent(authentication.getName(), "patient", null, null, null, "PATRQT", null),
                Instant.now(), "GET", "/portal/record-access", "page record-access", 200,
                List.of(new FhirInteraction.Disclosed(0, "Patient", patient, List.of(patient))), null));
        return lines;
    }
}
