package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joinedup.fhir.FhirAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waiting list ({@code /staff/waiting-list}): active entries the member of staff may see, longest wait first,
 * filtered by list, sub-specialty, priority and weeks waiting (in the query), and by validation outcome; the
 * worklist is those whose answer (or silence) needs a clinician's call, who record the outcome of the call.
 */
@Controller
class WaitingListPage {

    private static final Set<String> CATEGORIES = Set.of("outpatient", "surgery");
    private static final Set<String> PRIORITIES = Set.of("routine", "urgent", "asap", "stat");

    private final StaffSession session;
    private final StoreCalls store;

    WaitingListPage(StaffSession session, StoreCalls store) {
        this.session = session;
        this.store = store;
    }

    /** An entry as listed. */
    public record Entry(String id, PatientLine patient, long weeks, String priority, String list, String what, String subSpecialty, String outcome) {

        public String outcomeText() {
            return WaitingList.words(outcome);
        }

        public boolean needsACall() {
            return outcome != null && WaitingList.NEEDS_A_CALL.contains(outcome);
        }
    }

    @GetMapping("/staff/waiting-list")
    String page(Authentication authentication, @RequestParam(defaultValue = "") String list, @RequestParam(defaultValue = "") String specialty,
                @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "0") int weeks, @RequestParam(defaultValue = "") String outcome,
                @RequestParam(defaultValue = "false") boolean worklist, Model model) {
        FhirAccess as = session.of(authentication);
        LocalDate today = LocalDate.now(WaitingList.ENGLAND);
        StringBuilder query = new StringBuilder("ServiceRequest?status=active&_sort=authored&_count=200&_include=ServiceRequest:subject&category=");
        query.append(encode(CATEGORIES.contains(list) ? WaitingList.CATEGORY + "|" + list
                : WaitingList.CATEGORY + "|outpatient," + WaitingList.CATEGORY + "|surgery"));
        if (PRIORITIES.contains(priority)) {
            query.append("&priority=").append(priority);
        }
        if (specialty.matches("\\d{3}")) {
            query.append("&performer-type=").append(encode(WaitingList.TREATMENT_FUNCTION + "|" + specialty));
        }
        if (weeks > 0) {
            query.append("&authored=le").append(today.minusWeeks(weeks));
        }
        StaffSession.Found found = session.search(as, query.toString());
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (JsonNode request : found.matches()) {
            String result = WaitingList.outcome(request);
            outcomes.merge(WaitingList.words(result), 1, Integer::sum);
            if ((worklist && (result == null || !WaitingList.NEEDS_A_CALL.contains(result))) || (!outcome.isEmpty() && !outcome.equals(result))) {
                continue;
            }
            String subject = request.at("/subject/reference").asText();
            entries.add(new Entry(request.path("id").asText(), PatientLine.of(subject, found.included().get(subject)), WaitingList.weeksWaiting(request, today),
                    request.path("priority").asText("routine"), request.at("/category/0/coding/0/code").asText(),
                    request.at("/code/text").asText(request.at("/code/coding/0/display").asText(request.at("/code/coding/0/code").asText(""))),
                    request.at("/performerType/coding/0/code").asText(""), result));
        }
        model.addAttribute("entries", entries);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("total", found.matches().size());
        model.addAttribute("list", list);
        model.addAttribute("specialty", specialty);
        model.addAttribute("priority", priority);
        model.addAttribute("weeks", weeks);
        model.addAttribute("outcome", outcome);
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        for (String code : List.of("asked", "still-needed", "no-longer-needed", "wants-to-discuss", "no-answer")) {
            choices.put(code, WaitingList.words(code));
        }
        model.addAttribute("outcomeChoices", choices);
        model.addAttribute("worklist", worklist);
        return "staff/waiting-list";
    }

    /** The outcome of a clinician's call: still needed (stays on the list) or removed from it, with the reason. */
    @PostMapping("/staff/waiting-list/{id}/call")
    String call(Authentication authentication, @PathVariable String id, @RequestParam String result, RedirectAttributes redirect) {
        FhirAccess as = session.of(authentication);
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}") || !Set.of("still-needed", "remove").contains(result)) {
            redirect.addFlashAttribute("problem", "Choose whether the patient still needs to be seen");
            return "redirect:/staff/waiting-list?worklist=true";
        }
        String problem;
        if ("still-needed".equals(result)) {
            problem = session.operate(as, "ServiceRequest/" + id + "/$validation-answer", StaffSession.parameters("answer", "still-needed"));
        } else {
            problem = remove(as, id);
        }
        redirect.addFlashAttribute(problem == null ? "done" : "problem", problem == null
                ? ("remove".equals(result) ? "The patient has been taken off the waiting list." : "The patient stays on the waiting list.") : problem);
        return "redirect:/staff/waiting-list?worklist=true";
    }

    private String remove(FhirAccess as, String id) {
        try {
            ObjectNode request = store.read(as, "ServiceRequest/" + id);
            request.put("status", "revoked");
            request.withArray("note").addObject().put("text", "Taken off the waiting list after validation: the patient no longer needs to be seen");
            ArrayNode entries = StoreCalls.JSON.createArrayNode();
            StoreCalls.put(entries, request);
            store.transaction(as, entries, "The entry changed just now: look again");
            return null;
        } catch (Refusal refusal) {
            return refusal.getMessage();
        } catch (StoreCalls.Passed passed) {
            return "You may not change this entry";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
