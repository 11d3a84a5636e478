package org.joinedup.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A 401 for the FHIR API: the bearer challenge of RFC 6750, and an OperationOutcome saying what was wrong. */
final class OutcomeEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        challenge.commence(request, response, failure);
        String reason = request.getHeader("Authorization") == null ? "This request needs a bearer token (see /.well-known/smart-configuration)"
                : "The bearer token was refused: it is expired, malformed, not signed by this platform's identity provider, or not for this FHIR API";
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\",\"diagnostics\":\""
                + reason + "\"}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
