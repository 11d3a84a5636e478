package org.joinedup.access.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joinedup.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break-glass over HTTP: staff ask for emergency access (the 403 of the FHIR API says how), and information
 * governance auditors work through the review queue.
 */
@RestController
class BreakGlassApi {

    private final BreakGlassService service;

    BreakGlassApi(BreakGlassService service) {
        this.service = service;
    }

    /** {@code patient=Patient/id&reason=emergency-care|safeguarding|patient-asked|other&text=...}, as a form or query. */
    @PostMapping("/staff/api/break-glass")
    ResponseEntity<Map<String, Object>> breakGlass(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String patient,
                                                   @RequestParam(required = false) String reason,
                                                   @RequestParam(required = false) String text) {
        StaffUser user = StaffUser.of(token);
        if (user == null) {
            throw new BreakGlassService.Refused(403, "Only members of staff can break glass");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(BreakGlassService.summary(service.breakGlass(user, patient, reason, text)));
    }

    @GetMapping("/staff/api/break-glass/reviews")
    List<BreakGlassService.Grant> reviews(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "pending") String status) {
        requireAuditor(token);
        return service.reviews(status);
    }

    @PostMapping("/staff/api/break-glass/{id}/review")
    Map<String, Object> review(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestParam String outcome,
                               @RequestParam(required = false) String note) {
        requireAuditor(token);
        service.review(token.getSubject(), id, outcome, note);
        return Map.of("id", id.toString(), "review", outcome);
    }

    private static void requireAuditor(Jwt token) {
        StaffUser user = StaffUser.of(token);
        if (user == null || user.role() != Role.IG_AUDITOR) {
            throw new BreakGlassService.Refused(403, "Only information governance auditors review break-glass");
        }
    }

    @ExceptionHandler(BreakGlassService.Refused.class)
    ResponseEntity<Map<String, Object>> refused(BreakGlassService.Refused refused) {
        return ResponseEntity.status(refused.status).body(Map.of("error", refused.getMessage()));
    }
}
