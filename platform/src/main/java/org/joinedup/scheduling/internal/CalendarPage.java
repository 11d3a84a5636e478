package org.joinedup.scheduling.internal;

import org.joinedup.access.PatientAccess;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /staff/appointments/{id}/calendar.ics}: an appointment as a calendar file, for staff to send or add to a
 * calendar. Read through the FHIR API as the member of staff, so only an appointment they may see, and audited.
 */
@Controller
class CalendarPage {

    private final SignedInUsers users;
    private final StaffAccess access;
    private final PatientAccess patients;
    private final FhirApi fhir;

    CalendarPage(SignedInUsers users, StaffAccess access, PatientAccess patients, FhirApi fhir) {
        this.users = users;
        this.access = access;
        this.patients = patients;
        this.fhir = fhir;
    }

    /** The same for a patient in the portal: an appointment in their own record, or one they are a proxy for. */
    @GetMapping("/portal/appointments/{id}/calendar.ics")
    ResponseEntity<String> patientCalendar(Authentication authentication, @PathVariable String id) {
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such appointment");
        }
        FhirApi.Answer answer = fhir.handle(patients.of(authentication), "GET", "Appointment/" + id, null);
        if (answer.status() != 200) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such appointment");
        }
        return file(id, answer);
    }

    @GetMapping("/staff/appointments/{id}/calendar.ics")
    ResponseEntity<String> calendar(Authentication authentication, @PathVariable String id) {
        SignedInUsers.StaffMember staff = users.staffOf(authentication)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only staff can fetch appointments here"));
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such appointment");
        }
        FhirAccess as = access.of(staff.username(), staff.role(), staff.organization());
        FhirApi.Answer answer = fhir.handle(as, "GET", "Appointment/" + id, null);
        if (answer.status() != 200) {
            throw new ResponseStatusException(HttpStatus.valueOf(answer.status() == 403 ? 403 : 404),
                    answer.status() == 403 ? "You may not see this appointment" : "There is no such appointment");
        }
        return file(id, answer);
    }

    private static ResponseEntity<String> file(String id, FhirApi.Answer answer) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"appointment-" + id + ".ics\"")
                .body(CalendarFile.of(StoreCalls.parse(answer.body()), java.time.Instant.now()));
    }
}
