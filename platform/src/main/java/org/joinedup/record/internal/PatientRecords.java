package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Opening a patient's record for the pages of it: who is asking, with what access, and whether they may. */
@Component
class PatientRecords {

    /** The page every record page shows instead when the record may not be opened. */
    static final String REFUSED = "staff/no-relationship";

    private final SignedInUsers users;
    private final StaffAccess access;
    private final RecordReader reader;

    PatientRecords(SignedInUsers users, StaffAccess access, RecordReader reader) {
        this.users = users;
        this.access = access;
        this.reader = reader;
    }

    /** A record opened: the member of staff, their access, and the Patient. */
    record Opened(SignedInUsers.StaffMember staff, FhirAccess access, JsonNode patient) {

        boolean breakGlass() {
            return access.agent().breakGlassPatients().contains(patient.path("id").asText());
        }
    }

    /** The searches behind the banner's alert marks, read with each page's own. */
    private static final java.util.List<String> ALERT_SEARCHES = java.util.List.of("AllergyIntolerance?patient=%s", "Flag?patient=%s", "CarePlan?patient=%s&status=active",
            "Consent?patient=%s&scope=" + org.joinedup.shared.PersonalisedCare.ADVANCE_DIRECTIVE + "&status=active");

    /** The banner's alert marks: allergies, flags, an emergency care plan (an end-of-life plan, a ReSPECT form or other advance directive). */
    static java.util.List<String> alerts(java.util.List<SummaryItem> allergyList, java.util.List<SummaryItem> flagList, java.util.List<SummaryItem> carePlans,
                                         java.util.List<SummaryItem> advanceDirectives) {
        java.util.List<String> alerts = new java.util.ArrayList<>();
        int allergies = allergyList.size();
        if (allergies > 0) {
            alerts.add(allergies == 1 ? "1 allergy" : allergies + " allergies");
        }
        int flags = flagList.size();
        if (flags > 0) {
            alerts.add(flags == 1 ? "1 flag" : flags + " flags");
        }
        if (!advanceDirectives.isEmpty() || carePlans.stream().anyMatch(c -> c.text().toLowerCase(java.util.Locale.UK).matches(".*(end of life|respect).*"))) {
            alerts.add("Emergency care plan");
        }
        return alerts;
    }

    /**
     * Reads a page's searches together with those behind the banner's alert marks, in one batch (one audited
     * interaction), puts the banner on the model, and returns the page's own answers, in order.
     */
    java.util.List<RecordReader.Read> readWithBanner(Opened opened, java.util.List<String> searches, Model model) {
        java.util.List<String> all = new java.util.ArrayList<>(searches);
        String id = opened.patient().path("id").asText();
        ALERT_SEARCHES.forEach(alert -> all.add(alert.formatted(id)));
        java.util.List<RecordReader.Read> reads = reader.batch(opened.access(), all);
        int at = searches.size();
        banner(opened, alerts(SummarySections.allergies(reads.get(at).matches()), SummarySections.flags(reads.get(at + 1).matches()),
                SummarySections.carePlans(reads.get(at + 2).matches()), SummarySections.emergencyPreferences(reads.get(at + 3).matches())), model);
        return reads.subList(0, at);
    }

    /** Puts the patient banner, its alert marks and the break-glass notice on the model. */
    void banner(Opened opened, java.util.List<String> alerts, Model model) {
        model.addAttribute("banner", Banner.of(opened.patient(), java.time.LocalDate.now()));
        model.addAttribute("alerts", alerts);
        model.addAttribute("breakGlassActive", opened.breakGlass());
    }

    /** The member of staff signed in (403 for anyone else). */
    SignedInUsers.StaffMember staff(Authentication authentication) {
        return users.staffOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only staff can open patients' records"));
    }

    /**
     * Opens the record, or returns null having told the model why not (no legitimate relationship, with the
     * break-glass offer; render {@link #REFUSED}); 404 for a patient who does not exist.
     */
    Opened open(Authentication authentication, String id, Model model) {
        SignedInUsers.StaffMember staff = staff(authentication);
        if (!id.matches("[A-Za-z0-9.-]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such patient");
        }
        FhirAccess as = access.of(staff.username(), staff.role(), staff.organization());
        RecordReader.Read patient = reader.get(as, "Patient/" + id);
        if (patient.status() == 403) {
            model.addAttribute("patientId", id);
            model.addAttribute("problem", patient.problem());
            model.addAttribute("breakGlass", as.relationshipRequired());
            return null;
        }
        if (!patient.ok()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such patient");
        }
        return new Opened(staff, as, patient.json());
    }
}
