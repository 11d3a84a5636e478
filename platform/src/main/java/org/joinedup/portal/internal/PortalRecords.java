package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose records a signed-in patient may see in the portal: their own, and those of the people who have named them
 * as a proxy (a RelatedPerson with their NHS number and an active permit Consent), and which one they are looking at.
 * The choice is kept in the session and checked again on every page, so a withdrawn consent ends it at once.
 */
@Component
class PortalRecords {

    static final String CHOSEN = "joinedup.portal.patient";

    private final SignedInUsers users;
    private final PatientDirectory patients;
    private final HeldForms held;

    PortalRecords(SignedInUsers users, PatientDirectory patients, HeldForms held) {
        this.users = users;
        this.patients = patients;
        this.held = held;
    }

    /** The user's own record first, then those they are a proxy for, by name. */
    List<RecordChoice> choices(Authentication authentication) {
        List<RecordChoice> choices = new ArrayList<>();
        Optional<String> own = users.patientOf(authentication);
        own.ifPresent(id -> choices.add(new RecordChoice(id, patients.displayName(id).orElse("You"), true)));
        users.proofedNhsNumber(authentication).ifPresent(nhsNumber -> patients.proxiedBy(nhsNumber).stream()
                .filter(id -> own.map(o -> !o.equals(id)).orElse(true))
                .map(id -> new RecordChoice(id, patients.displayName(id).orElse("Patient " + id), false))
                .sorted(java.util.Comparator.comparing(RecordChoice::name))
                .forEach(choices::add));
        return choices;
    }

    /** The record being looked at: the one chosen in this session if it is still allowed, otherwise the first. */
    Optional<RecordChoice> current(Authentication authentication, HttpSession session) {
        List<RecordChoice> choices = choices(authentication);
        Object chosen = session == null ? null : session.getAttribute(CHOSEN);
        return choices.stream().filter(c -> c.patientId().equals(chosen)).findFirst().or(() -> choices.stream().findFirst());
    }

    /**
     * The record being looked at, for pages that need one (404 for a user who may see none); the browser is marked as
     * this person's, on this record, so that a form it posts after the session ends can be given back to them.
     */
    RecordChoice required(Authentication authentication, HttpSession session) {
        RecordChoice current = current(authentication, session).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "There is no record to show"));
        held.remember(authentication.getName(), current.patientId());
        return current;
    }

    /** Chooses a record for this session; false if the user may not see it. */
    boolean choose(Authentication authentication, HttpSession session, String patientId) {
        boolean allowed = choices(authentication).stream().anyMatch(c -> c.patientId().equals(patientId));
        if (allowed) {
            session.setAttribute(CHOSEN, patientId);
        }
        return allowed;
    }
}
