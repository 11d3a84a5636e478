package org.joinedup.analytics.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.joinedup.fhir.FhirApi;

/** An OperationOutcome answer with one issue. */
public final class Outcome {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Outcome() {
    }

    public static FhirApi.Answer of(int status, String code, String message) {
        String severity = status < 300 ? "information" : "error";
        String outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome").set("issue", JSON.createArrayNode().add(
                JSON.createObjectNode().put("severity", severity).put("code", code).put("diagnostics", message))).toString();
        return new FhirApi.Answer(status, outcome.getBytes(StandardCharsets.UTF_8));
    }
}
