package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * A clinic's list for a day ({@code /staff/clinics}): the appointments at one place, in time order, with who is
 * coming and buttons to record that they arrived, were seen or did not attend.
 */
@Controller
class ClinicListPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> ACTIONS = Set.of("arrived", "fulfilled", "noshow");

    private final StaffSession session;

    ClinicListPage(StaffSession session) {
        this.session = session;
    }

    /** One row of the list. */
    public record Row(String id, String time, PatientLine patient, String status, String statusText, boolean canArrive, boolean canAttend, boolean canMiss) {
    }

    /** A place with clinics. */
    public record Place(String reference, String name) {
    }

    @GetMapping("/staff/clinics")
    String list(Authentication authentication, @RequestParam(required = false) String location, @RequestParam(required = false) String date, Model model) {
        FhirAccess as = session.of(authentication);
        LocalDate day = parse(date);
        List<Place> places = places(as);
        String chosen = location != null && location.matches("Location/[A-Za-z0-9\\-.]{1,64}") ? location : places.isEmpty() ? null : places.getFirst().reference();
        List<Row> rows = new ArrayList<>();
        if (chosen != null) {
            String from = ZonedDateTime.of(day.atStartOfDay(), WaitingList.ENGLAND).toInstant().toString();
            String to = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), WaitingList.ENGLAND).toInstant().toString();
            StaffSession.Found found = session.search(as, "Appointment?actor=" + chosen + "&date=ge" + encode(from) + "&date=lt" + encode(to)
                    + "&_sort=date&_count=200&_include=Appointment:patient");
            for (JsonNode appointment : found.matches()) {
                String patient = patientOf(appointment);
                String status = appointment.path("status").asText();
                boolean started = !OffsetDateTime.parse(appointment.path("start").asText()).toInstant().isAfter(java.time.Instant.now());
                rows.add(new Row(appointment.path("id").asText(), TIME.format(OffsetDateTime.parse(appointment.path("start").asText())
                        .atZoneSameInstant(WaitingList.ENGLAND)), PatientLine.of(patient, found.included().get(patient)), status, words(status),
                        Set.of("booked", "checked-in").contains(status), Set.of("booked", "arrived", "checked-in").contains(status),
                        "booked".equals(status) && started));
            }
        }
        model.addAttribute("places", places);
        model.addAttribute("location", chosen);
        model.addAttribute("day", day);
        model.addAttribute("dayText", day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)));
        model.addAttribute("rows", rows);
        return "staff/clinic-list";
    }

    @PostMapping("/staff/clinics/appointments/{id}/{action}")
    String record(Authentication authentication, @PathVariable String id, @PathVariable String action, @RequestParam String location,
                  @RequestParam String date, RedirectAttributes redirect) {
        FhirAccess as = session.of(authentication);
        if (!ACTIONS.contains(action) || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            redirect.addFlashAttribute("problem", "That cannot be recorded");
        } else {
            String problem = session.operate(as, "Appointment/" + id + "/$" + action, StaffSession.parameters());
            redirect.addFlashAttribute(problem == null ? "outcome" : "problem", problem == null ? "Recorded: " + words(action) : problem);
        }
        return "redirect:/staff/clinics?location=" + encode(location) + "&date=" + encode(date);
    }

    private List<Place> places(FhirAccess as) {
        StaffSession.Found schedules = session.search(as, "Schedule?active=true&_count=200&_include=Schedule:actor");
        Map<String, Place> places = new LinkedHashMap<>();
        for (JsonNode schedule : schedules.matches()) {
            for (JsonNode actor : schedule.path("actor")) {
                String reference = actor.path("reference").asText();
                if (reference.startsWith("Location/")) {
                    JsonNode location = schedules.included().get(reference);
                    places.putIfAbsent(reference, new Place(reference, location != null ? location.path("name").asText(reference) : actor.path("display").asText(reference)));
                }
            }
        }
        return new ArrayList<>(places.values());
    }

    static String patientOf(JsonNode appointment) {
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.at("/actor/reference").asText();
            if (reference.startsWith("Patient/")) {
                return reference;
            }
        }
        return "";
    }

    static String words(String status) {
        return switch (status) {
            case "booked" -> "Booked";
            case "arrived" -> "Arrived";
            case "fulfilled" -> "Attended";
            case "noshow" -> "Did not attend";
            case "cancelled" -> "Cancelled";
            default -> status;
        };
    }

    private static LocalDate parse(String date) {
        try {
            return date == null || date.isBlank() ? LocalDate.now(WaitingList.ENGLAND) : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.now(WaitingList.ENGLAND);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
