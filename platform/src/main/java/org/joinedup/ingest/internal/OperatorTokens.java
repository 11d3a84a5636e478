package org.joinedup.ingest.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/** Who may use the operators' APIs for feeds and matching: operators, and the platform's machine clients. */
final class OperatorTokens {

    private OperatorTokens() {
    }

    static void require(Jwt token, String refusal) {
        boolean system = token != null && "system".equals(token.getClaimAsString("joinedup_kind"));
        boolean operator = token != null && "operator".equals(token.getClaimAsString("role"));
        if (!system && !operator) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
        }
    }
}
