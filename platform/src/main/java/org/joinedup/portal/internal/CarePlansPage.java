package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joinedup.access.PatientAccess;
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
 * Care plans ({@code /portal/care-plans}): the patient's active plans (heart failure, dementia...) with their goals
 * and activities, and the patient's comments on each, sent to the plan's author as a Communication the care team
 * sees in the record's timeline.
 */
@Controller
class CarePlansPage {

    static final String COMMENT = "https://fhir.joinedup.nhs.uk/CodeSystem/communication-category";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;

    CarePlansPage(PortalRecords records, PatientAccess access, PortalFhir fhir) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
    }

    /** A plan, its parts and comments, as shown. Public only so that templates can read them. */
    public record Plan(String id, String title, String description, String by, String since, List<String> goals, List<String> activities) {
    }

    public record Comment(String when, String text) {
    }

    @GetMapping("/portal/care-plans")
    String plans(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        model.addAttribute("current", current);
        model.addAttribute("plans", fhir.search(as, "CarePlan?patient=Patient/" + current.patientId() + "&status=active&_count=50").stream()
                .map(plan -> plan(as, plan, false)).toList());
        return "portal/care-plans";
    }

    @GetMapping("/portal/care-plans/{id}")
    String plan(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        model.addAttribute("current", current);
        model.addAttribute("plan", plan(as, fhir.inRecord(as, current, "CarePlan", id, "/subject/reference"), true));
        List<Comment> comments = new ArrayList<>();
        for (JsonNode communication : fhir.search(as, "Communication?subject=Patient/" + current.patientId() + "&category=" + COMMENT
                + "|care-plan-comment&_sort=-sent&_count=100")) {
            for (JsonNode about : communication.path("about")) {
                if (("CarePlan/" + id).equals(about.path("reference").asText())) {
                    comments.add(new Comment(DAY.format(Instant.parse(communication.path("sent").asText()).atZone(ZoneId.of("Europe/London"))),
                            communication.at("/payload/0/contentString").asText()));
                }
            }
        }
        model.addAttribute("comments", comments);
        return "portal/care-plan";
    }

    @PostMapping("/portal/care-plans/{id}/comments")
    String comment(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String text,
                   RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        JsonNode plan = fhir.inRecord(as, current, "CarePlan", id, "/subject/reference");
        String problem = text.isBlank() ? "Enter your comment" : text.trim().length() > 1000 ? "Your comment must be 1000 characters or fewer" : null;
        if (problem == null) {
            ObjectNode communication = PortalFhir.JSON.createObjectNode().put("resourceType", "Communication").put("status", "completed");
            communication.putArray("category").addObject().put("text", "Comment on a care plan").putArray("coding").addObject()
                    .put("system", COMMENT).put("code", "care-plan-comment").put("display", "Comment on a care plan");
            communication.putObject("subject").put("reference", "Patient/" + current.patientId());
            communication.putArray("about").addObject().put("reference", "CarePlan/" + id).put("display", plan.path("title").asText("Care plan"));
            communication.put("sent", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            communication.putObject("sender").put("reference", "Patient/" + current.patientId());
            if (plan.has("author")) {
                communication.putArray("recipient").add(plan.path("author"));
            }
            communication.putArray("payload").addObject().put("contentString", text.trim());
            problem = fhir.post(as, "Communication", communication);
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("draft", text);
        } else {
            redirect.addFlashAttribute("done", "Sent. Your care team will see your comment.");
        }
        return "redirect:/portal/care-plans/" + id;
    }

    private Plan plan(FhirAccess as, JsonNode plan, boolean whole) {
        List<String> goals = new ArrayList<>();
        List<String> activities = new ArrayList<>();
        if (whole) {
            for (JsonNode goal : plan.path("goal")) {
                String reference = goal.path("reference").asText();
                if (reference.startsWith("Goal/")) {
                    goals.add(fhir.read(as, reference).at("/description/text").asText(goal.path("display").asText("")));
                }
            }
            for (JsonNode activity : plan.path("activity")) {
                String what = activity.at("/detail/description").asText(activity.at("/detail/code/text").asText(""));
                if (!what.isEmpty()) {
                    activities.add(what);
                }
            }
        }
        String start = plan.at("/period/start").asText(plan.path("created").asText(""));
        return new Plan(plan.path("id").asText(), plan.path("title").asText("Care plan"), plan.path("description").asText(""),
                plan.at("/author/display").asText(""), start.length() >= 10 ? DAY.format(LocalDate.parse(start.substring(0, 10))) : "", goals, activities);
    }
}
