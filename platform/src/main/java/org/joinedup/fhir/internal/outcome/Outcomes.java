package org.joinedup.fhir.internal.outcome;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.joinedup.fhir.internal.json.FhirJson;

/** Builds OperationOutcome resources. */
public final class Outcomes {

    private Outcomes() {
    }

    public static ObjectNode of(List<Issue> issues) {
        ObjectNode outcome = FhirJson.mapper().createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        ArrayNode array = outcome.putArray("issue");
        for (Issue issue : issues) {
            ObjectNode item = array.addObject();
            item.put("severity", issue.severity());
            item.put("code", issue.code());
            if (issue.diagnostics() != null) {
                item.put("diagnostics", issue.diagnostics());
            }
            if (issue.expression() != null) {
                item.putArray("expression").add(issue.expression());
            }
        }
        return outcome;
    }

    public static ObjectNode information(String diagnostics) {
        return of(List.of(Issue.information(diagnostics)));
    }
}
