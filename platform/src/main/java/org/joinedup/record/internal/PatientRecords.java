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
