package org.joinedup.fhir.internal.outcome;

import java.util.List;

/** A failed FHIR interaction: the HTTP status to answer and the issues of the OperationOutcome. */
public class FhirException extends RuntimeException {

    private final int status;
    private final List<Issue> issues;

    public FhirException(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "HTTP " + status : issues.getFirst().diagnostics());
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public FhirException(int status, Issue issue) {
        this(status, List.of(issue));
    }

    public static FhirException badRequest(String diagnostics) {
        return new FhirException(400, Issue.error("invalid", diagnostics));
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(404, Issue.error("not-found", diagnostics));
    }

    public static FhirException gone(String diagnostics) {
        return new FhirException(410, Issue.error("deleted", diagnostics));
    }

    public static FhirException conflict(String diagnostics) {
        return new FhirException(409, Issue.error("conflict", diagnostics));
    }

    public static FhirException preconditionFailed(String diagnostics) {
        return new FhirException(412, Issue.error("conflict", diagnostics));
    }

    public static FhirException unprocessable(String diagnostics, String expression) {
        return new FhirException(422, Issue.error("processing", diagnostics, expression));
    }

    public static FhirException notSupported(String diagnostics) {
        return new FhirException(400, Issue.error("not-supported", diagnostics));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }
}
