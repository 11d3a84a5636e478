package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Patients on patient-initiated follow-up ({@code /staff/pifu}): whose window ends when, soonest first, and the
 * clinic's tasks about them (a patient asked for an appointment; a window ended), each marked done when dealt with.
 */
@Controller
class PifuPage {

    private final StaffSession session;
    private final StoreCalls store;

    PifuPage(StaffSession session, StoreCalls store) {
        this.session = session;
        this.store = store;
    }

    /** A patient on follow-up. */
    public record OnFollowUp(PatientLine patient, String ends, long daysLeft) {

        public String daysText() {
            return daysLeft == Long.MAX_VALUE ? "—" : String.valueOf(daysLeft);
        }
    }

    /** A task for the clinic. */
    public record ToDo(String id, PatientLine patient, String what, String priority, String since) {
    }

    @GetMapping("/staff/pifu")
    String page(Authentication authentication, Model model) {
        FhirAccess as = session.of(authentication);
        LocalDate today = LocalDate.now(WaitingList.ENGLAND);
        StaffSession.Found episodes = session.search(as, "EpisodeOfCare?status=active&type=" + encode(Pifu.TYPE + "|pifu")
                + "&_count=200&_include=EpisodeOfCare:patient");
        List<OnFollowUp> patients = new ArrayList<>();
        for (JsonNode episode : episodes.matches()) {
            LocalDate last = Pifu.lastDay(episode);
            String patient = Pifu.patient(episode);
            patients.add(new OnFollowUp(PatientLine.of(patient, episodes.included().get(patient)), last == null ? "open" : last.toString(),
                    last == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today, last)));
        }
        patients.sort(java.util.Comparator.comparingLong(OnFollowUp::daysLeft));
        StaffSession.Found tasks = session.search(as, "Task?status=requested&_count=200&_sort=-authored-on&_include=Task:patient");
        List<ToDo> todo = new ArrayList<>();
        for (JsonNode task : tasks.matches()) {
            if (task.at("/focus/reference").asText().startsWith("EpisodeOfCare/")) {
                String patient = task.at("/for/reference").asText();
                todo.add(new ToDo(task.path("id").asText(), PatientLine.of(patient, tasks.included().get(patient)), task.at("/code/text").asText(),
                        task.path("priority").asText("routine"), task.path("authoredOn").asText("").replace('T', ' ').replaceFirst("Z$", "")));
            }
        }
        model.addAttribute("patients", patients);
        model.addAttribute("tasks", todo);
        return "staff/pifu";
    }

    @PostMapping("/staff/pifu/tasks/{id}/done")
    String done(Authentication authentication, @PathVariable String id, RedirectAttributes redirect) {
        FhirAccess as = session.of(authentication);
        try {
            ObjectNode task = store.read(as, "Task/" + (id.matches("[A-Za-z0-9\\-.]{1,64}") ? id : "invalid"));
            task.put("status", "completed");
            ArrayNode entries = StoreCalls.JSON.createArrayNode();
            StoreCalls.put(entries, task);
            store.transaction(as, entries, "The task changed just now: look again");
            redirect.addFlashAttribute("outcome", "The task is done.");
        } catch (Refusal | StoreCalls.Passed e) {
            redirect.addFlashAttribute("problem", "The task could not be marked done: " + (e instanceof Refusal r ? r.getMessage() : "you may not change it"));
        }
        return "redirect:/staff/pifu";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
