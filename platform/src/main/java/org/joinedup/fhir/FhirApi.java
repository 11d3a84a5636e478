package org.joinedup.fhir;

import java.nio.charset.StandardCharsets;

/**
 * The FHIR API for other modules (feeds, the demo region): one interaction handled exactly as over HTTP, with
 * the caller's access applied inside every query, and audited.
 */
public interface FhirApi {

    /** The answer: HTTP status and FHIR JSON body. */
    record Answer(int status, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param access who is asking, and what they may do ({@link FhirAccess#SYSTEM} for the platform itself)
     * @param method GET, POST, PUT, PATCH or DELETE
     * @param pathAndQuery below the FHIR base, e.g. {@code Patient?identifier=...} or an empty string for a Bundle
     * @param body FHIR JSON, or null
     */
    Answer handle(FhirAccess access, String method, String pathAndQuery, byte[] body);
}
