package org.joinedup.fhir.internal.outcome;

/**
 * One OperationOutcome issue.
 *
 * @param severity fatal, error, warning or information
 * @param code an IssueType code: invalid, structure, required, value, not-found, conflict, processing, ...
 * @param diagnostics a sentence for people
 * @param expression the FHIRPath of the element concerned, or null
 */
public record Issue(String severity, String code, String diagnostics, String expression) {

    public static Issue error(String code, String diagnostics) {
        return new Issue("error", code, diagnostics, null);
    }

    public static Issue error(String code, String diagnostics, String expression) {
        return new Issue("error", code, diagnostics, expression);
    }

    public static Issue information(String diagnostics) {
        return new Issue("information", "informational", diagnostics, null);
    }

    public boolean isError() {
        return "error".equals(severity) || "fatal".equals(severity);
    }
}
