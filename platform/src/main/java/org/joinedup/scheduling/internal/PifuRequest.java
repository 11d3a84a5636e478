package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code POST EpisodeOfCare/{id}/$request-appointment} ({@code note} optional): a patient on patient-initiated
 * follow-up asks for an appointment, without a GP referral, within their window. An outpatient waiting list entry
 * is made (supported by the episode) and a task tells the clinic, in one transaction. Outside the window the
 * patient is told to see their GP. Answers 201 with the ServiceRequest.
 */
@Component
class PifuRequest extends SchedulingOperation {

    private final StoreCalls store;

    PifuRequest(StoreCalls store) {
        this.store = store;
    }

    @Override
    public String resourceType() {
        return "EpisodeOfCare";
    }

    @Override
    public String name() {
        return "request-appointment";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        requirePost(method, name());
        ObjectNode episode = store.read(caller, "EpisodeOfCare/" + instance(id)); // a patient reads only their own
        LocalDate today = LocalDate.now(WaitingList.ENGLAND);
        LocalDate last = Pifu.lastDay(episode);
        if (!Pifu.isPifu(episode) || !"active".equals(episode.path("status").asText())) {
            throw new Refusal(409, "business-rule", "This is not an open patient-initiated follow-up: contact your GP");
        }
        if (last != null && today.isAfter(last)) {
            throw new Refusal(422, "business-rule", "Your follow-up period ended on " + last + ": contact your GP to be referred again");
        }
        ObjectNode request = StoreCalls.JSON.createObjectNode().put("resourceType", "ServiceRequest").put("status", "active").put("intent", "order");
        request.putArray("category").addObject().putArray("coding").addObject().put("system", WaitingList.CATEGORY).put("code", "outpatient")
                .put("display", "Outpatient follow-up");
        request.put("priority", "routine");
        request.putObject("code").put("text", "Patient-initiated follow-up appointment");
        request.putObject("subject").put("reference", Pifu.patient(episode));
        request.put("authoredOn", today.toString());
        if (episode.has("managingOrganization")) {
            request.putArray("performer").add(episode.path("managingOrganization"));
        }
        request.putArray("supportingInfo").addObject().put("reference", "EpisodeOfCare/" + id);
        String note = input.get("note");
        if (note != null && !note.isBlank()) {
            request.putArray("note").addObject().put("text", note.length() > 1000 ? note.substring(0, 1000) : note);
        }
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        ObjectNode created = entries.addObject();
        created.set("resource", request);
        created.putObject("request").put("method", "POST").put("url", "ServiceRequest");
        ObjectNode task = entries.addObject();
        task.set("resource", Pifu.task(episode, "The patient asked for a follow-up appointment: book them in", "urgent"));
        task.putObject("request").put("method", "POST").put("url", "Task");
        var written = store.transaction(PatientRules.writer(caller, Set.of("ServiceRequest", "Task")), entries, "Try again");
        return resource(201, store.read(caller, "ServiceRequest/" + StoreCalls.createdId(written, 0)));
    }
}
