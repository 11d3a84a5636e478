package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's appointments for staff ({@code /staff/patients/{id}/appointments}): what is booked and what
 * happened, free slots of a service earliest first, and booking, moving (the new slot held before the old one
 * is freed) and cancelling with a reason, each through the scheduling operations as the member of staff.
 */
@Controller
class PatientAppointmentsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final StaffSession session;

    PatientAppointmentsPage(StaffSession session) {
        this.session = session;
    }

    /** An appointment as listed. */
    public record Line(String id, String when, String service, String status, boolean changeable) {
    }

    /** A free slot. */
    public record Free(String id, String when) {
    }

    /** A service to book, as its Slots name it. */
    public record Service(String token, String name) {
    }

    @GetMapping("/staff/patients/{id}/appointments")
    String page(Authentication authentication, @PathVariable String id, @RequestParam(required = false) String service,
                @RequestParam(required = false) String from, @RequestParam(required = false) String move, Model model) {
        FhirAccess as = session.of(authentication);
        String reference = "Patient/" + checked(id);
        JsonNode patient = session.read(as, reference);
        List<Line> lines = new ArrayList<>();
        for (JsonNode appointment : session.search(as, "Appointment?patient=" + reference + "&_sort=-date&_count=50").matches()) {
            String status = appointment.path("status").asText();
            lines.add(new Line(appointment.path("id").asText(), when(appointment.path("start").asText()),
                    appointment.at("/serviceType/0/coding/0/display").asText(appointment.at("/serviceType/0/text").asText(appointment.at("/serviceType/0/coding/0/code").asText(""))),
                    ClinicListPage.words(status), List.of("booked", "pending", "proposed").contains(status)));
        }
        Map<String, Service> services = new LinkedHashMap<>();
        for (JsonNode schedule : session.search(as, "Schedule?active=true&_count=200").matches()) {
            JsonNode coding = schedule.at("/serviceType/0/coding/0");
            if (coding.has("code")) {
                String token = coding.path("system").asText() + "|" + coding.path("code").asText();
                services.putIfAbsent(token, new Service(token, coding.path("display").asText(schedule.at("/serviceType/0/text").asText(coding.path("code").asText()))));
            }
        }
        List<Free> free = new ArrayList<>();
        if (service != null && !service.isBlank()) {
            String query = "Appointment/$find?service-type=" + encode(service) + "&_count=20" + (from == null || from.isBlank() ? "" : "&start=" + encode(from));
            for (JsonNode slot : session.search(as, query).matches()) {
                free.add(new Free(slot.path("id").asText(), when(slot.path("start").asText())));
            }
        }
        model.addAttribute("patient", PatientLine.of(reference, patient));
        model.addAttribute("appointments", lines);
        model.addAttribute("services", services.values());
        model.addAttribute("service", service);
        model.addAttribute("from", from);
        model.addAttribute("move", move);
        model.addAttribute("free", free);
        return "staff/patient-appointments";
    }

    @PostMapping("/staff/patients/{id}/appointments/book")
    String book(Authentication authentication, @PathVariable String id, @RequestParam String slot, RedirectAttributes redirect) {
        String problem = session.operate(session.of(authentication), "Appointment/$book", StaffSession.parameters("slot", "Slot/" + checked(slot), "patient", "Patient/" + checked(id)));
        return back(id, problem, "The appointment is booked.", redirect);
    }

    @PostMapping("/staff/patients/{id}/appointments/{appointment}/reschedule")
    String reschedule(Authentication authentication, @PathVariable String id, @PathVariable String appointment, @RequestParam String slot,
                      RedirectAttributes redirect) {
        String problem = session.operate(session.of(authentication), "Appointment/" + checked(appointment) + "/$reschedule", StaffSession.parameters("slot", "Slot/" + checked(slot)));
        return back(id, problem, "The appointment has been moved.", redirect);
    }

    @PostMapping("/staff/patients/{id}/appointments/{appointment}/cancel")
    String cancel(Authentication authentication, @PathVariable String id, @PathVariable String appointment, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        if (reason.isBlank()) {
            return back(id, "Enter why the appointment is cancelled", null, redirect);
        }
        String problem = session.operate(session.of(authentication), "Appointment/" + checked(appointment) + "/$cancel", StaffSession.parameters("reason", reason.trim()));
        return back(id, problem, "The appointment is cancelled and its slot freed.", redirect);
    }

    private static String back(String id, String problem, String done, RedirectAttributes redirect) {
        redirect.addFlashAttribute(problem == null ? "outcome" : "problem", problem == null ? done : problem);
        return "redirect:/staff/patients/" + id + "/appointments";
    }

    static String when(String instant) {
        return instant.isBlank() ? "" : WHEN.format(OffsetDateTime.parse(instant).atZoneSameInstant(WaitingList.ENGLAND));
    }

    private static String checked(String id) {
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such record");
        }
        return id;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
