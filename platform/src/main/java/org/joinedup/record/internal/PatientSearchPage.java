package org.joinedup.record.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.identity.SignedInUsers;
import org.joinedup.shared.NhsNumber;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a patient ({@code /staff/patients}): by NHS number (spaces allowed, check digit verified), by family
 * name with a date of birth or postcode, or by postcode; each result with the banner's details; and the patients
 * this member of staff opened recently. A demographic trace, audited in their name; the record itself opens only
 * with a legitimate relationship (or break-glass).
 */
@Controller
class PatientSearchPage {

    private final PatientRecords records;
    private final StaffAccess access;
    private final RecordReader reader;
    private final RecentPatients recent;

    PatientSearchPage(PatientRecords records, StaffAccess access, RecordReader reader, RecentPatients recent) {
        this.records = records;
        this.access = access;
        this.reader = reader;
        this.recent = recent;
    }

    @GetMapping("/staff/patients")
    String search(Authentication authentication, Model model, @RequestParam Map<String, String> form) {
        SignedInUsers.StaffMember staff = records.staff(authentication);
        FhirAccess trace = access.trace(staff.username(), staff.role(), staff.organization());
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        String query = form.containsKey("search") ? query(form, errors) : null;
        model.addAttribute("errors", errors);
        if (query != null) {
            RecordReader.Read found = reader.get(trace, "Patient?" + query + "&active:not=false&_count=20");
            if (!found.ok()) {
                errors.put("search", found.status() == 403 ? "Your role cannot look for patients" : "The search failed: " + found.problem());
            } else {
                model.addAttribute("results", banners(found.matches()));
            }
        }
        List<String> recentIds = recent.of(staff.username(), 10);
        if (!recentIds.isEmpty()) {
            RecordReader.Read known = reader.get(trace, "Patient?_id=" + String.join(",", recentIds));
            Map<String, Banner> byId = new LinkedHashMap<>();
            banners(known.matches()).forEach(b -> byId.put(b.id(), b));
            model.addAttribute("recent", recentIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        }
        return "staff/patient-search";
    }

    /** The FHIR search the form asks for, or null with what is wrong in {@code errors} (field to NHS-style message). */
    static String query(Map<String, String> form, Map<String, String> errors) {
        String nhs = form.getOrDefault("nhs", "").replaceAll("\\s+", "");
        String family = form.getOrDefault("family", "").strip();
        String postcode = form.getOrDefault("postcode", "").strip();
        String day = form.getOrDefault("day", "").strip();
        String month = form.getOrDefault("month", "").strip();
        String year = form.getOrDefault("year", "").strip();
        if (!nhs.isEmpty()) {
            if (!nhs.matches("\\d{10}")) {
                errors.put("nhs", "NHS number must be 10 digits");
                return null;
            }
            if (!NhsNumber.isValid(nhs)) {
                errors.put("nhs", "Enter a valid NHS number (this one's check digit is wrong)");
                return null;
            }
            return "identifier=" + NhsNumber.SYSTEM + "|" + nhs;
        }
        boolean anyDate = !(day + month + year).isEmpty();
        LocalDate born = null;
        if (anyDate) {
            try {
                born = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                if (born.isAfter(LocalDate.now()) || year.length() != 4) {
                    errors.put("born", "Date of birth must be a real date in the past, for example 31 3 1980");
                    return null;
                }
            } catch (NumberFormatException | DateTimeException e) {
                errors.put("born", "Date of birth must be a real date, for example 31 3 1980");
                return null;
            }
        }
        List<String> terms = new ArrayList<>();
        if (!family.isEmpty()) {
            if (born == null && postcode.isEmpty()) {
                errors.put("born", "Enter a date of birth or a postcode with the name");
                return null;
            }
            terms.add("family=" + encode(family));
            String given = form.getOrDefault("given", "").strip();
            if (!given.isEmpty()) {
                terms.add("given=" + encode(given));
            }
        }
        if (born != null) {
            terms.add("birthdate=" + born);
        }
        if (!postcode.isEmpty()) {
            terms.add("address-postalcode=" + encode(postcode));
        }
        if (terms.isEmpty()) {
            errors.put("nhs", "Enter an NHS number, or a family name with a date of birth or postcode");
            return null;
        }
        return String.join("&", terms);
    }

    private static List<Banner> banners(List<com.fasterxml.jackson.databind.JsonNode> patients) {
        LocalDate today = LocalDate.now();
        return patients.stream().map(p -> Banner.of(p, today)).toList();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
