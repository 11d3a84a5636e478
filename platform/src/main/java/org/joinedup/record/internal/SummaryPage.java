package org.joinedup.record.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.shared.PersonalisedCare;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A patient's summary ({@code /staff/patients/{id}}) under the patient banner: alerts, allergies, emergency care
 * preferences (ReSPECT), what matters to the patient, medicines, problems, stays, appointments to come, latest
 * results, care plans, care team, key contacts and letters, each with its source and date.
 * Read as the member of staff in one batch (one audited interaction); without a legitimate relationship the page
 * says so and offers break-glass; while break-glass is active, a banner says so.
 */
@Controller
class SummaryPage {

    private final PatientRecords records;
    private final RecordReader reader;
    private final RecentPatients recent;

    SummaryPage(PatientRecords records, RecordReader reader, RecentPatients recent) {
        this.records = records;
        this.reader = reader;
        this.recent = recent;
    }

    @GetMapping("/staff/patients/{id}")
    String summary(Authentication authentication, @PathVariable String id, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        FhirAccess as = opened.access();
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
                "DocumentReference?" + p + "&_sort=-date&_count=5",
                "Goal?" + p + "&lifecycle-status=active&category=" + PersonalisedCare.SYSTEM + "|" + PersonalisedCare.WHAT_MATTERS_TO_ME,
                "Consent?" + p + "&scope=" + PersonalisedCare.ADVANCE_DIRECTIVE + "&status=active&_sort=-date",
                "CareTeam?" + p + "&status=active",
                "RelatedPerson?" + p + "&active=true",
                "QuestionnaireResponse?" + p + "&status=completed&_sort=-authored&_count=50"));
        Map<String, List<SummaryItem>> sections = new LinkedHashMap<>();
        sections.put("Alerts and flags", SummarySections.flags(reads.get(1).matches()));
        sections.put("Allergies and reactions", SummarySections.allergies(reads.get(0).matches()));
        List<SummaryItem> emergency = new java.util.ArrayList<>(SummarySections.emergencyPreferences(reads.get(10).matches()));
        emergency.addAll(SummarySections.patientsOwnPreferences(reads.get(13).matches()));
        sections.put("Emergency care preferences", emergency);
        sections.put("What matters to me", SummarySections.whatMatters(reads.get(9).matches()));
        sections.put("Current medicines", SummarySections.medicines(reads.get(2).matches()));
        sections.put("Active problems", SummarySections.problems(reads.get(3).matches()));
        sections.put("Recent stays and encounters", SummarySections.encounters(reads.get(4).matches()));
        sections.put("Appointments to come", SummarySections.appointments(reads.get(5).matches()));
        sections.put("Latest results", SummarySections.latestResults(reads.get(6).matches()));
        sections.put("Care plans", SummarySections.carePlans(reads.get(7).matches()));
        sections.put("Care team", SummarySections.careTeam(reads.get(11).matches()));
        sections.put("Key contacts", SummarySections.keyContacts(reads.get(12).matches(), opened.patient()));
        sections.put("Latest letters", SummarySections.letters(reads.get(8).matches()));
        recent.opened(opened.staff().username(), id);
        records.banner(opened, PatientRecords.alerts(sections.get("Allergies and reactions"), sections.get("Alerts and flags"), sections.get("Care plans"),
                sections.get("Emergency care preferences")), model);
        model.addAttribute("sections", sections);
        return "staff/patient-summary";
    }
}
