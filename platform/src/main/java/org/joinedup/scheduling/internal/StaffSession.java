package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The scheduling pages' link to the record: who is signed in, and every read and operation through the FHIR API
 * as them, so the pages show only what they may see (inside the query) and every read is audited.
 */
@Component
class StaffSession {

    private static final Set<String> ROLES = Set.of("scheduler", "clinician", "care-worker");

    private final SignedInUsers users;
    private final StaffAccess access;
    private final FhirApi fhir;

    StaffSession(SignedInUsers users, StaffAccess access, FhirApi fhir) {
        this.users = users;
        this.access = access;
        this.fhir = fhir;
    }

    /** The signed-in member of staff's access, if their role books and keeps lists. */
    FhirAccess of(Authentication authentication) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication).filter(s -> ROLES.contains(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only schedulers, clinicians and care workers can use these pages"));
        return access.of(staff.username(), staff.role(), staff.organization());
    }

    /** A search's matches and its included resources by reference (empty if refused). */
    Found search(FhirAccess as, String query) {
        FhirApi.Answer answer = fhir.handle(as, "GET", query, null);
        List<JsonNode> matches = new ArrayList<>();
        Map<String, JsonNode> included = new HashMap<>();
        if (answer.status() == 200) {
            for (JsonNode entry : StoreCalls.parse(answer.body()).path("entry")) {
                JsonNode resource = entry.path("resource");
                if ("include".equals(entry.at("/search/mode").asText())) {
                    included.put(resource.path("resourceType").asText() + "/" + resource.path("id").asText(), resource);
                } else {
                    matches.add(resource);
                }
            }
        }
        return new Found(matches, included, answer.status());
    }

    JsonNode read(FhirAccess as, String reference) {
        FhirApi.Answer answer = fhir.handle(as, "GET", reference, null);
        if (answer.status() != 200) {
            throw new ResponseStatusException(HttpStatus.valueOf(answer.status() == 403 ? 403 : 404),
                    answer.status() == 403 ? "You may not see this record" : "There is no such record");
        }
        return StoreCalls.parse(answer.body());
    }

    /** An operation as the member of staff: null if it succeeded, else what went wrong, to show them. */
    String operate(FhirAccess as, String pathAndQuery, ObjectNode parameters) {
        FhirApi.Answer answer = fhir.handle(as, "POST", pathAndQuery, parameters.toString().getBytes(StandardCharsets.UTF_8));
        return answer.status() < 300 ? null : StoreCalls.parse(answer.body()).at("/issue/0/diagnostics").asText("That could not be done (" + answer.status() + ")");
    }

    static ObjectNode parameters(String... namesAndValues) {
        ObjectNode parameters = StoreCalls.JSON.createObjectNode().put("resourceType", "Parameters");
        var list = parameters.putArray("parameter");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            var parameter = list.addObject().put("name", namesAndValues[i]);
            if (value.matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]+")) {
                parameter.putObject("valueReference").put("reference", value);
            } else {
                parameter.put("valueString", value);
            }
        }
        return parameters;
    }

    /** A search's answer. */
    record Found(List<JsonNode> matches, Map<String, JsonNode> included, int status) {
    }
}
