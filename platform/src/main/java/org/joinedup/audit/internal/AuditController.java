package org.joinedup.audit.internal;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Audit tools for information governance auditors and operators: verifying the chain. */
@RestController
class AuditController {

    private static final Set<String> AUDIT_ROLES = Set.of("ig-auditor", "operator");

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    /** Walks the whole chain: {@code intact}, how many entries, and the first broken link if any. */
    @GetMapping("/staff/api/audit/verify")
    AuditVerifier.Verdict verify(@AuthenticationPrincipal Jwt token) {
        requireAuditor(token);
        return verifier.verify();
    }

    static void requireAuditor(Jwt token) {
        boolean system = token != null && "system".equals(token.getClaimAsString("joinedup_kind"));
        String role = token == null ? null : token.getClaimAsString("role");
        boolean auditor = role != null && AUDIT_ROLES.contains(role);
        if (!system && !auditor) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only information governance auditors and operators may use the audit tools");
        }
    }
}
