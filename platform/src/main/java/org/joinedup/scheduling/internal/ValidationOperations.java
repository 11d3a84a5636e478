package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.scheduling.SchedulingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST ServiceRequest/$validate-waiting-list} ({@code weeks}, default as configured): runs the validation
 * campaign now, for staff; answers Parameters {@code asked} and {@code noAnswer}.
 * {@code POST ServiceRequest/{id}/$validation-answer} ({@code answer}: still-needed, no-longer-needed or
 * wants-to-discuss): the patient's answer (their own entry) or staff recording one given by phone.
 */
@Configuration(proxyBeanMethods = false)
class ValidationOperations {

    @Bean
    SchedulingOperation validateWaitingList(WaitingListValidation validation, SchedulingProperties properties) {
        return new SchedulingOperation() {
            @Override
            public String resourceType() {
                return "ServiceRequest";
            }

            @Override
            public String name() {
                return "validate-waiting-list";
            }

            @Override
            FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
                requirePost(method, name());
                if (PatientRules.isPatient(caller) || !caller.permissions().allows("ServiceRequest", org.joinedup.fhir.FhirAction.UPDATE)) {
                    throw new Refusal(403, "forbidden", "Only staff who keep waiting lists run a validation campaign");
                }
                String weeks = input.get("weeks");
                int[] counts = validation.campaign(weeks == null ? properties.validateAfterWeeks() : Integer.parseInt(weeks));
                ObjectNode result = StoreCalls.JSON.createObjectNode().put("resourceType", "Parameters");
                result.putArray("parameter").add(StoreCalls.JSON.createObjectNode().put("name", "asked").put("valueInteger", counts[0]))
                        .add(StoreCalls.JSON.createObjectNode().put("name", "noAnswer").put("valueInteger", counts[1]));
                return resource(200, result);
            }
        };
    }

    @Bean
    SchedulingOperation validationAnswer(StoreCalls store) {
        return new SchedulingOperation() {
            @Override
            public String resourceType() {
                return "ServiceRequest";
            }

            @Override
            public String name() {
                return "validation-answer";
            }

            @Override
            FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
                requirePost(method, name());
                String answer = input.required("answer");
                if (!WaitingListValidation.answers().contains(answer)) {
                    throw new Refusal(400, "invalid", "answer must be one of " + WaitingListValidation.answers());
                }
                ObjectNode request = store.read(caller, "ServiceRequest/" + instance(id)); // a patient reads only their own
                if (!"active".equals(request.path("status").asText()) || WaitingList.asked(request) == null) {
                    throw new Refusal(409, "business-rule", "This waiting list entry is not waiting for an answer");
                }
                WaitingList.validation(request, WaitingList.asked(request), answer);
                ArrayNode entries = StoreCalls.JSON.createArrayNode();
                StoreCalls.put(entries, request);
                store.transaction(PatientRules.writer(caller, Set.of("ServiceRequest")), entries, "The entry changed just now: answer again");
                return resource(200, store.read(caller, "ServiceRequest/" + id));
            }
        };
    }
}
