package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.joinedup.access.PatientAccess;
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
 * A patient's appointments ({@code /portal/appointments}): those to come and those past, for the record being
 * looked at; one appointment's details (where, when, how to prepare), with ways to add it to a calendar, confirm
 * they are coming, change it to another free time (the service's rules apply) or cancel it with a reason.
 */
@Controller
class AppointmentsPage {

    private static final Map<String, String> REASONS = Map.of("better", "I no longer need it", "time", "I cannot make this time",
            "elsewhere", "I am being seen elsewhere");

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final InformationPages information;

    AppointmentsPage(PortalRecords records, PatientAccess access, PortalFhir fhir, InformationPages information) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.information = information;
    }

    @GetMapping("/portal/appointments")
    String list(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        List<PortalAppointment> all = new ArrayList<>();
        for (JsonNode appointment : fhir.search(as, "Appointment?patient=Patient/" + current.patientId() + "&_sort=-date&_count=100")) {
            if (appointment.has("start")) {
                all.add(PortalAppointment.of(appointment, null));
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("upcoming", all.stream().filter(a -> a.upcoming() && !a.cancelled()).sorted(Comparator.comparing(PortalAppointment::start)).toList());
        model.addAttribute("past", all.stream().filter(a -> !a.upcoming() || a.cancelled()).toList());
        return "portal/appointments";
    }

    @GetMapping("/portal/appointments/{id}")
    String appointment(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        JsonNode appointment = theirs(as, current, id);
        JsonNode location = null;
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.at("/actor/reference").asText();
            if (reference.startsWith("Location/")) {
                location = fhir.read(as, reference);
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("appointment", PortalAppointment.of(appointment, location));
        model.addAttribute("information", information.about(appointment.at("/serviceType/0/coding/0/code").asText("")).orElse(null));
        model.addAttribute("confirmed", !fhir.search(as, "AppointmentResponse?appointment=Appointment/" + id + "&part-status=accepted&_count=1").isEmpty());
        return "portal/appointment";
    }

    @PostMapping("/portal/appointments/{id}/confirm")
    String confirm(Authentication authentication, HttpSession session, @PathVariable String id, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        theirs(as, current, id);
        ObjectNode response = PortalFhir.JSON.createObjectNode().put("resourceType", "AppointmentResponse");
        response.putObject("appointment").put("reference", "Appointment/" + id);
        response.putObject("actor").put("reference", "Patient/" + current.patientId());
        response.put("participantStatus", "accepted").put("comment", "Confirmed in the patient portal");
        String problem = fhir.post(as, "AppointmentResponse", response);
        redirect.addFlashAttribute(problem == null ? "done" : "problem", problem == null ? "Thank you. You have confirmed you are coming." : problem);
        return "redirect:/portal/appointments/" + id;
    }

    @GetMapping("/portal/appointments/{id}/change")
    String change(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        JsonNode appointment = theirs(as, current, id);
        String service = appointment.at("/serviceType/0/coding/0/code").isTextual()
                ? appointment.at("/serviceType/0/coding/0/system").asText() + "|" + appointment.at("/serviceType/0/coding/0/code").asText() : null;
        List<PortalAppointment> free = new ArrayList<>();
        if (service != null) {
            for (JsonNode slot : fhir.search(as, "Appointment/$find?service-type=" + URLEncoder.encode(service, StandardCharsets.UTF_8) + "&_count=12")) {
                free.add(PortalAppointment.of(slot, null));
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("appointment", PortalAppointment.of(appointment, null));
        model.addAttribute("free", free);
        return "portal/appointment-change";
    }

    @PostMapping("/portal/appointments/{id}/change")
    String changed(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String slot,
                   RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        theirs(as, current, id);
        if (!slot.matches("[A-Za-z0-9\\-.]{1,64}")) {
            redirect.addFlashAttribute("problem", "Choose another time");
            return "redirect:/portal/appointments/" + id + "/change";
        }
        String problem = fhir.post(as, "Appointment/" + id + "/$reschedule", PortalFhir.parameters("slot", "Slot/" + slot, true));
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/portal/appointments/" + id + "/change";
        }
        redirect.addFlashAttribute("done", "Your appointment has been changed. We have sent the new time to you.");
        return "redirect:/portal/appointments/" + id;
    }

    @GetMapping("/portal/appointments/{id}/cancel")
    String cancel(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        RecordChoice current = records.required(authentication, session);
        model.addAttribute("current", current);
        model.addAttribute("appointment", PortalAppointment.of(theirs(access.of(authentication), current, id), null));
        model.addAttribute("reasons", REASONS);
        return "portal/appointment-cancel";
    }

    @PostMapping("/portal/appointments/{id}/cancel")
    String cancelled(Authentication authentication, HttpSession session, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
                     @RequestParam(defaultValue = "") String other, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        theirs(as, current, id);
        String why = "other".equals(reason) ? other.trim() : REASONS.get(reason);
        if (why == null || why.isEmpty()) {
            redirect.addFlashAttribute("problem", "other".equals(reason) ? "Tell us why you are cancelling" : "Select why you are cancelling");
            return "redirect:/portal/appointments/" + id + "/cancel";
        }
        String problem = fhir.post(as, "Appointment/" + id + "/$cancel", PortalFhir.parameters("reason", why.length() > 500 ? why.substring(0, 500) : why, false));
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/portal/appointments/" + id + "/cancel";
        }
        redirect.addFlashAttribute("done", "Your appointment has been cancelled.");
        return "redirect:/portal/appointments/" + id;
    }

    /** The appointment, if it is in the record being looked at (else 404: ids cannot be probed). */
    private JsonNode theirs(FhirAccess as, RecordChoice current, String id) {
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
        }
        JsonNode appointment = fhir.read(as, "Appointment/" + id);
        for (JsonNode participant : appointment.path("participant")) {
            if (("Patient/" + current.patientId()).equals(participant.at("/actor/reference").asText())) {
                return appointment;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
    }
}
