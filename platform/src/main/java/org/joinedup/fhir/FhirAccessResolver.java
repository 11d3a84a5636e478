package org.joinedup.fhir;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides, from an HTTP request and its bearer token, what its caller may do; provided by the access module.
 * A request without a valid token is refused with {@link Unauthenticated}.
 */
public interface FhirAccessResolver {

    FhirAccess resolve(HttpServletRequest request);

    /** The same for a bearer token that came another way (a device's MQTT message). */
    FhirAccess resolveToken(String token);

    /** No valid token: the answer is 401 with this {@code WWW-Authenticate} challenge and message. */
    final class Unauthenticated extends RuntimeException {

        private final String challenge;

        public Unauthenticated(String challenge, String message) {
            super(message, null, false, false);
            this.challenge = challenge;
        }

        public String challenge() {
            return challenge;
        }
    }
}
