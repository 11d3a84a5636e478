package org.joinedup.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Audit tools for information governance auditors (and operators): searching the audit and verifying its chain. */
@RestController
class AuditController {

    private static final Set<String> AUDIT_ROLES = Set.of("ig-auditor", "operator");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_COUNT = 500;

    private final AuditVerifier verifier;
    private final AuditSearch search;

    AuditController(AuditVerifier verifier, AuditSearch search) {
        this.verifier = verifier;
        this.search = search;
    }

    /** Walks the whole chain: {@code intact}, how many entries, and the first broken link if any. */
    @GetMapping("/staff/api/audit/verify")
    AuditVerifier.Verdict verify(@AuthenticationPrincipal Jwt token) {
        requireAuditor(token);
        return verifier.verify();
    }

    /**
     * The AuditEvents matching every parameter given, newest first, as a FHIR searchset Bundle with a next link:
     * {@code patient}, {@code agent} (user), {@code organization} (ODS code), {@code from} and {@code to} (dates or
     * instants), {@code break-glass=true}, {@code _count}.
     */
    @GetMapping(path = "/staff/api/audit", produces = "application/fhir+json")
    ResponseEntity<String> search(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String patient,
                                  @RequestParam(required = false) String agent, @RequestParam(required = false) String organization,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(name = "break-glass", required = false) Boolean breakGlass,
                                  @RequestParam(required = false) Long before,
                                  @RequestParam(name = "_count", defaultValue = "50") int count) throws IOException {
        requireAuditor(token);
        AuditSearch.Query query;
        try {
            query = new AuditSearch.Query(patient, agent, organization, AuditSearch.instant(from, false), AuditSearch.instant(to, true),
                    breakGlass, null, before, Math.max(1, Math.min(count, MAX_COUNT)));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from and to are dates (2026-11-26) or instants");
        }
        List<AuditEntry> entries = search.find(query);
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode links = bundle.putArray("link");
        if (entries.size() == query.count()) {
            links.addObject().put("relation", "next").put("url", "/staff/api/audit?before=" + entries.getLast().seq()
                    + param("patient", patient) + param("agent", agent) + param("organization", organization) + param("from", from)
                    + param("to", to) + param("break-glass", breakGlass == null ? null : breakGlass.toString()) + "&_count=" + query.count());
        }
        ArrayNode items = bundle.putArray("entry");
        for (AuditEntry entry : entries) {
            ObjectNode resource = BalpEvents.of(entry);
            resource.put("id", Long.toString(entry.seq()));
            items.addObject().put("fullUrl", "urn:joinedup:audit:" + entry.seq()).set("resource", resource);
        }
        return ResponseEntity.ok(bundle.toString());
    }

    private static String param(String name, String value) {
        return value == null ? "" : "&" + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Refusals say why, as the break-glass API's do ({@code {"error": ...}}). */
    @org.springframework.web.bind.annotation.ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<java.util.Map<String, String>> refused(ResponseStatusException refused) {
        return ResponseEntity.status(refused.getStatusCode()).body(java.util.Map.of("error",
                refused.getReason() == null ? "Refused" : refused.getReason()));
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
