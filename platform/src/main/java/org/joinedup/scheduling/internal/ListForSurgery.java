package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.MessageRequested;
import org.springframework.stereotype.Component;

/**
 * {@code POST ServiceRequest/$list-for-surgery}: a surgeon lists a patient ({@code patient}) for a procedure
 * ({@code procedure} as system|code, {@code procedure-text}) in a sub-specialty ({@code sub-specialty}, an NHS
 * treatment function code) at an organisation ({@code organization}), with a {@code priority} (routine, urgent,
 * asap, stat), a clock start ({@code clock-start}, default today) and a {@code pathway}. The waiting list entry is
 * made and, in the same transaction, a text asked for at once with a link to the pre-operative questionnaire.
 * Answers 201 with the ServiceRequest.
 */
@Component
class ListForSurgery extends SchedulingOperation {

    private static final Set<String> PRIORITIES = Set.of("routine", "urgent", "asap", "stat");

    private final StoreCalls store;

    ListForSurgery(StoreCalls store) {
        this.store = store;
    }

    @Override
    public String resourceType() {
        return "ServiceRequest";
    }

    @Override
    public String name() {
        return "list-for-surgery";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        String patient = input.required("patient");
        String organization = input.required("organization");
        String[] procedure = input.required("procedure").split("\\|", 2);
        String priority = input.get("priority") == null ? "routine" : input.get("priority");
        if (!patient.startsWith("Patient/") || !organization.startsWith("Organization/") || procedure.length != 2 || !PRIORITIES.contains(priority)) {
            throw new Refusal(400, "invalid", "Give patient (Patient/..), organization (Organization/..), procedure (system|code) and a priority: "
                    + String.join(", ", PRIORITIES));
        }
        store.read(caller, patient);
        String place = store.read(caller, organization).path("name").asText("the hospital");
        LocalDate clockStart = input.get("clock-start") == null ? LocalDate.now(WaitingList.ENGLAND) : date(input.get("clock-start"));

        ObjectNode request = StoreCalls.JSON.createObjectNode().put("resourceType", "ServiceRequest").put("status", "active").put("intent", "order");
        if (input.get("pathway") != null) {
            request.putArray("identifier").addObject().put("system", WaitingList.PATHWAY).put("value", input.get("pathway"));
        }
        request.putArray("category").addObject().putArray("coding").addObject().put("system", WaitingList.CATEGORY).put("code", "surgery")
                .put("display", "Listed for surgery");
        request.put("priority", priority);
        ObjectNode code = request.putObject("code");
        code.putArray("coding").addObject().put("system", procedure[0]).put("code", procedure[1]);
        if (input.get("procedure-text") != null) {
            code.put("text", input.get("procedure-text"));
        }
        request.putObject("subject").put("reference", patient);
        request.put("authoredOn", clockStart.toString());
        request.putArray("performer").addObject().put("reference", organization);
        if (input.get("sub-specialty") != null) {
            request.putObject("performerType").putArray("coding").addObject().put("system", WaitingList.TREATMENT_FUNCTION).put("code", input.get("sub-specialty"));
        }
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        ObjectNode entry = entries.addObject();
        entry.set("resource", request);
        entry.putObject("request").put("method", "POST").put("url", "ServiceRequest");
        String patientId = patient.substring("Patient/".length());
        var written = store.transaction(caller, entries, "The list changed just now: try again", answer -> {
            String listed = StoreCalls.createdId(answer, 0);
            return List.of(new MessageRequested("waiting-list/" + listed + "/listed", patientId, MessageKind.SURGERY_LISTING, Map.of("place", place),
                    "/portal/waiting-list/" + listed + "/pre-operative-assessment", null));
        });
        return resource(201, store.read(caller, "ServiceRequest/" + StoreCalls.createdId(written, 0)));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(400, "invalid", "'" + value + "' is not a date such as 2026-11-02");
        }
    }
}
