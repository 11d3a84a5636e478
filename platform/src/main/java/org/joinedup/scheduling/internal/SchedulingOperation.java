package org.joinedup.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;

/** A scheduling operation (on Appointment unless it says otherwise) whose refusals become OperationOutcomes with their status. */
abstract class SchedulingOperation implements FhirOperation {

    @Override
    public String resourceType() {
        return "Appointment";
    }

    @Override
    public final FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        try {
            return run(caller, method, id, OperationInput.of(parameters, body));
        } catch (Refusal refusal) {
            return outcome(refusal.status, refusal.code, refusal.getMessage());
        } catch (StoreCalls.Passed passed) {
            return passed.answer;
        }
    }

    abstract FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input);

    static FhirApi.Answer outcome(int status, String code, String text) {
        var outcome = StoreCalls.JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", status >= 500 ? "fatal" : "error").put("code", code).put("diagnostics", text);
        return new FhirApi.Answer(status, outcome.toString().getBytes(StandardCharsets.UTF_8));
    }

    static FhirApi.Answer resource(int status, com.fasterxml.jackson.databind.JsonNode resource) {
        return new FhirApi.Answer(status, resource.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The instance an instance-level operation names (400 when called at type level). */
    static String instance(String id) {
        if (id == null) {
            throw new Refusal(400, "invalid", "Name the resource: [type]/{id}/$...");
        }
        return id;
    }

    static void requirePost(String method, String name) {
        if (!"POST".equals(method)) {
            throw new Refusal(405, "not-supported", "$" + name + " changes the record: use POST");
        }
    }
}
