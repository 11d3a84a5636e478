package org.joinedup.fhir.internal.rest;

/** The parts of the Prefer header FHIR defines: {@code return=} and {@code handling=}. */
public record Prefer(String returnPreference, boolean lenient) {

    /** Whether the client asked for resources in the response ({@code return=representation}). */
    public static boolean representationRequested(FhirRequest request) {
        String header = request.header("prefer");
        return header != null && header.replace(" ", "").contains("return=representation");
    }

    static Prefer of(FhirRequest request) {
        String header = request.header("prefer");
        String returned = "representation";
        boolean lenient = false;
        if (header != null) {
            for (String part : header.split("[,;]")) {
                String token = part.trim();
                if (token.startsWith("return=")) {
                    returned = token.substring("return=".length()).replace("\"", "");
                } else if (token.equals("handling=lenient")) {
                    lenient = true;
                }
            }
        }
        return new Prefer(returned, lenient);
    }

    boolean minimal() {
        return returnPreference.equals("minimal");
    }

    boolean outcome() {
        return returnPreference.equalsIgnoreCase("OperationOutcome");
    }
}
