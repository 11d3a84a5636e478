package org.joinedup.ingest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * HL7 v2 over HTTP, for systems that cannot speak MLLP ({@code POST /ingest/hl7v2}, a machine client's bearer
 * token, the message as the body, the acknowledgement as the answer); and, for operators, the dead-letter list
 * and replay ({@code /staff/api/hl7/...}). Reading kept messages shows patient data, so it is audited.
 */
@RestController
class Hl7Api {

    static final MediaType ER7 = MediaType.parseMediaType("x-application/hl7-v2+er7");

    private final Hl7Processor processor;
    private final MessageLog messages;
    private final FhirAuditSink audit;

    Hl7Api(Hl7Processor processor, MessageLog messages, FhirAuditSink audit) {
        this.processor = processor;
        this.messages = messages;
        this.audit = audit;
    }

    @PostMapping(path = "/ingest/hl7v2", produces = "x-application/hl7-v2+er7")
    ResponseEntity<String> receive(@AuthenticationPrincipal Jwt token, @RequestBody String message) {
        if (token == null || !"system".equals(token.getClaimAsString("joinedup_kind"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only machine clients (client credentials) may send HL7 v2 messages");
        }
        return ResponseEntity.ok().contentType(ER7).body(processor.process(message, "http " + token.getSubject(), null));
    }

    @GetMapping("/staff/api/hl7/dead-letters")
    Map<String, Object> deadLetters(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "100") int count) {
        requireOperator(token);
        List<KeptMessage> dead = messages.deadLetters(Math.max(1, Math.min(count, 1000)));
        audited(token, "GET /staff/api/hl7/dead-letters", "hl7-dead-letters");
        return Map.of("counts", messages.counts(), "deadLetters", dead);
    }

    /** Processes a kept message again, as it was or corrected (the body), as a new message that refers to it. */
    @PostMapping(path = "/staff/api/hl7/messages/{id}/replay", produces = "x-application/hl7-v2+er7")
    ResponseEntity<String> replay(@AuthenticationPrincipal Jwt token, @PathVariable long id, @RequestBody(required = false) String corrected) {
        requireOperator(token);
        KeptMessage kept = messages.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + id));
        audited(token, "POST /staff/api/hl7/messages/" + id + "/replay", "hl7-replay");
        String message = corrected == null || corrected.isBlank() ? kept.raw() : corrected;
        return ResponseEntity.ok().contentType(ER7).body(processor.process(message, "replay by " + token.getSubject(), id));
    }

    private void requireOperator(Jwt token) {
        OperatorTokens.require(token, "Only operators may see and replay kept HL7 v2 messages");
    }

    private void audited(Jwt token, String query, String action) {
        audit.record(new FhirInteraction(new FhirAgent(token.getSubject(), token.getClaimAsString("joinedup_kind"), token.getClaimAsString("role"),
                token.getClaimAsString("organization"), token.getClaimAsString("client_id"), "HOPERAT", null), Instant.now(), "GET", query,
                "page " + action, 200, List.of(), null));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> refused(ResponseStatusException refused) {
        return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", refused.getReason() == null ? "Refused" : refused.getReason()));
    }
}
