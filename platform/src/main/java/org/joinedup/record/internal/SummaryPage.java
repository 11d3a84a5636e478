package org.joinedup.record.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A patient's summary ({@code /staff/patients/{id}}) under the patient banner: alerts, allergies, medicines,
 * problems, stays, appointments to come, latest results, care plans and letters, each with its source and date.
 * Read as the member of staff in one batch (one audited interaction); without a legitimate relationship the page
 * says so and offers break-glass; while break-glass is active, a banner says so.
 */
@Controller
class SummaryPage {

    private final SignedInUsers users;
    private final StaffAccess access;
    private final RecordReader reader;
    private final RecentPatients recent;

    SummaryPage(SignedInUsers users, StaffAccess access, RecordReader reader, RecentPatients recent) {
        this.users = users;
        this.access = access;
        this.reader = reader;
        this.recent = recent;
    }

    @GetMapping("/staff/patients/{id}")
    String summary(Authentication authentication, @PathVariable String id, Model model) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only staff can open a patient's record"));
        FhirAccess as = access.of(staff.username(), staff.role(), staff.organization());
        if (!id.matches("[A-Za-z0-9.-]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such patient");
        }
        RecordReader.Read patient = reader.get(as, "Patient/" + id);
        if (patient.status() == 403) {
            model.addAttribute("patientId", id);
            model.addAttribute("problem", patient.problem());
            model.addAttribute("breakGlass", as.relationshipRequired());
            return "staff/no-relationship";
        }
        if (!patient.ok()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such patient");
        }
        LocalDate today = LocalDate.now();
        String p = "patient=" + id;
        List<RecordReader.Read> reads = reader.batch(as, List.of(
                "AllergyIntolerance?" + p,
                "Flag?" + p,
                "MedicationStatement?" + p + "&status=active",
                "Condition?" + p + "&clinical-status=active",
                "Encounter?" + p + "&_sort=-date&_count=5",
                "Appointment?" + p + "&date=ge" + today + "&_sort=date&_count=5",
                "Observation?" + p + "&_sort=-date&_count=100",
                "CarePlan?" + p + "&status=active",
                "DocumentReference?" + p + "&_sort=-date&_count=5"));
        Map<String, List<SummaryItem>> sections = new LinkedHashMap<>();
        sections.put("Alerts and flags", SummarySections.flags(matches(reads.get(1))));
        sections.put("Allergies and reactions", SummarySections.allergies(matches(reads.get(0))));
        sections.put("Current medicines", SummarySections.medicines(matches(reads.get(2))));
        sections.put("Active problems", SummarySections.problems(matches(reads.get(3))));
        sections.put("Recent stays and encounters", SummarySections.encounters(matches(reads.get(4))));
        sections.put("Appointments to come", SummarySections.appointments(matches(reads.get(5))));
        sections.put("Latest results", SummarySections.latestResults(matches(reads.get(6))));
        sections.put("Care plans", SummarySections.carePlans(matches(reads.get(7))));
        sections.put("Latest letters", SummarySections.letters(matches(reads.get(8))));
        recent.opened(staff.username(), id);
        model.addAttribute("banner", Banner.of(patient.json(), today));
        model.addAttribute("alerts", alerts(sections.get("Allergies and reactions"), sections.get("Alerts and flags"), sections.get("Care plans")));
        model.addAttribute("sections", sections);
        model.addAttribute("breakGlassActive", as.agent().breakGlassPatients().contains(id));
        return "staff/patient-summary";
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> matches(RecordReader.Read read) {
        return read.ok() ? read.matches() : List.of();
    }

    /** The searches behind the banner's alert marks, for pages that do not read them anyway. */
    static final List<String> ALERT_SEARCHES = List.of("AllergyIntolerance?patient=%s", "Flag?patient=%s", "CarePlan?patient=%s&status=active");

    /** The banner's alert marks: allergies, flags, an emergency care plan (end of life, ReSPECT). */
    static List<String> alerts(List<SummaryItem> allergyList, List<SummaryItem> flagList, List<SummaryItem> carePlans) {
        List<String> alerts = new java.util.ArrayList<>();
        int allergies = allergyList.size();
        if (allergies > 0) {
            alerts.add(allergies == 1 ? "1 allergy" : allergies + " allergies");
        }
        int flags = flagList.size();
        if (flags > 0) {
            alerts.add(flags == 1 ? "1 flag" : flags + " flags");
        }
        if (carePlans.stream().anyMatch(c -> c.text().toLowerCase(java.util.Locale.UK).matches(".*(end of life|respect).*"))) {
            alerts.add("Emergency care plan");
        }
        return alerts;
    }
}
