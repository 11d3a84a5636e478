package org.joinedup.scheduling.internal;

/** An operation refused, with the HTTP status, the FHIR issue code and what to tell the caller. */
final class Refusal extends RuntimeException {

    final int status;
    final String code;

    Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
