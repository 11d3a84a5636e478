package org.joinedup.ingest.internal;

import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
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
 * The matching review queue and merges for operators, as JSON: {@code GET /staff/api/matching/reviews}, {@code POST
 * /staff/api/matching/reviews/{id}} with {@code {"decision": "same" | "different"}}, {@code GET /staff/api/merges},
 * {@code POST /staff/api/merges/{id}/undo} with {@code {"reason": "..."}}.
 */
@RestController
class MatchingApi {

    private static final String REFUSAL = "Only operators may review patient matches and merges";

    private final MatchingDesk desk;

    MatchingApi(MatchingDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/staff/api/matching/reviews")
    Map<String, Object> reviews(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "50") int count) {
        OperatorTokens.require(token, REFUSAL);
        List<MatchingDesk.Pair> pairs = desk.openPairs(reviewer(token), Math.max(1, Math.min(count, 500)));
        return Map.of("open", desk.openCount(), "reviews", pairs);
    }

    @PostMapping("/staff/api/matching/reviews/{id}")
    Map<String, Object> decide(@AuthenticationPrincipal Jwt token, @PathVariable long id, @RequestBody Map<String, String> body) {
        OperatorTokens.require(token, REFUSAL);
        String decision = body.getOrDefault("decision", "");
        if (!decision.equals("same") && !decision.equals("different")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The decision must be \"same\" or \"different\"");
        }
        Long merge = desk.decide(id, decision.equals("same"), reviewer(token));
        return merge == null ? Map.of("status", "kept-apart") : Map.of("status", "merged", "mergeId", merge);
    }

    @GetMapping("/staff/api/merges")
    Map<String, Object> merges(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "50") int count) {
        OperatorTokens.require(token, REFUSAL);
        return Map.of("merges", desk.recentMerges(Math.max(1, Math.min(count, 500))));
    }

    @PostMapping("/staff/api/merges/{id}/undo")
    Map<String, Object> undo(@AuthenticationPrincipal Jwt token, @PathVariable long id, @RequestBody Map<String, String> body) {
        OperatorTokens.require(token, REFUSAL);
        desk.undo(id, body.get("reason"), reviewer(token));
        return Map.of("status", "undone", "mergeId", id);
    }

    private static FhirAccess reviewer(Jwt token) {
        return MatchingDesk.reviewer(token.getSubject(), token.getClaimAsString("role"), token.getClaimAsString("organization"),
                token.getClaimAsString("client_id"));
    }

    @ExceptionHandler(PatientMerges.Refused.class)
    ResponseEntity<Map<String, String>> refused(PatientMerges.Refused refused) {
        return ResponseEntity.status(refused instanceof PatientMerges.Missing ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("error", refused.getMessage()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> refused(ResponseStatusException refused) {
        return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", refused.getReason() == null ? "Refused" : refused.getReason()));
    }
}
