package org.joinedup.fhir.internal.access;

import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/** The refusals of the access rules, as OperationOutcomes. */
public final class Denials {

    /** Where a member of staff asks for emergency access to a patient's record. */
    public static final String BREAK_GLASS_URL = "/staff/api/break-glass";

    private Denials() {
    }

    /** The caller's scopes or role do not allow the action on the type: 403. */
    public static FhirException notPermitted(String type, FhirAction action) {
        return new FhirException(403, Issue.error("forbidden", "Your access does not allow " + action.name().toLowerCase(java.util.Locale.ROOT)
                + " on " + type + " (SMART scopes and role)"));
    }

    /** Throws unless the caller's scopes and role allow the action on the type. */
    public static void requirePermitted(String type, FhirAction action) {
        if (!Caller.access().permissions().allows(type, action)) {
            throw notPermitted(type, action);
        }
    }

    /**
     * A resource the caller may not see. Staff who need a care relationship are told so, and offered
     * break-glass for the patient; anyone else is told nothing exists, so that ids cannot be probed.
     */
    public static FhirException hidden(String type, String id, List<String> patients) {
        FhirAccess access = Caller.access();
        if (access.relationshipRequired() && patients != null && !patients.isEmpty()) {
            String patient = patients.getFirst();
            return new FhirException(403, List.of(
                    Issue.error("forbidden", "You have no legitimate relationship with the patient whose record holds " + type + "/"
                            + id + ", or the record is restricted"),
                    new Issue("information", "informational", "In an emergency you may break glass: POST " + BREAK_GLASS_URL
                            + " with patient=Patient/" + patient + " and a reason (emergency-care, safeguarding, patient-asked,"
                            + " other with text). Access is then granted for a limited time, flagged and reviewed.", null)));
        }
        return FhirException.notFound("There is no " + type + " with id '" + id + "'");
    }

    /** A write whose result the caller could not see (another patient's record, a hidden label): 403. */
    public static FhirException cannotWrite(String type) {
        return new FhirException(403, Issue.error("forbidden", "You may not write this " + type
                + ": it belongs to a record, or carries a security label, outside your access"));
    }
}
