package org.joinedup.access.internal;

import java.util.Set;
import org.joinedup.access.Role;
import org.joinedup.fhir.FhirAction;

/**
 * What each kind of user may do, whatever their token's scopes say: the resource types and actions of their
 * role, and the security labels hidden from it. A user's permissions are their scopes and their role together.
 */
final class RolePolicy {

    /** Labels of sensitive records: restricted and very restricted confidentiality, and sensitive categories. */
    static final Set<String> SENSITIVE = Set.of("R", "V", "PSY", "SEX", "STD", "HIV", "ETH", "SDV", "safeguarding");

    private static final Set<String> SCHEDULING = Set.of("Patient", "Appointment", "AppointmentResponse", "Slot", "Schedule",
            "HealthcareService", "Location", "Practitioner", "PractitionerRole", "Organization", "ServiceRequest", "Encounter",
            "EpisodeOfCare", "Task");
    /** Schedulers book, keep waiting lists (ServiceRequest), follow patient-initiated follow-up (EpisodeOfCare) and its tasks. */
    private static final Set<String> SCHEDULING_WRITES = Set.of("Appointment", "AppointmentResponse", "Slot", "Schedule", "ServiceRequest",
            "EpisodeOfCare", "Task");
    private static final Set<String> CARE_WRITES = Set.of("Observation", "Task", "Communication", "QuestionnaireResponse",
            "DocumentReference", "Flag");
    private static final Set<String> PATIENT_WRITES = Set.of("QuestionnaireResponse", "Observation", "Communication", "Goal",
            "AppointmentResponse");

    private RolePolicy() {
    }

    static boolean allows(Role role, String type, FhirAction action) {
        boolean reading = action == FhirAction.READ || action == FhirAction.SEARCH;
        return switch (role) {
            case CLINICIAN -> true;
            case CARE_WORKER -> reading || (action != FhirAction.DELETE && CARE_WRITES.contains(type));
            case SCHEDULER -> SCHEDULING.contains(type) && (reading || (action != FhirAction.DELETE && SCHEDULING_WRITES.contains(type)));
            // analysts work in the secure data environment; here they see only what is outside every record
            case ANALYST -> reading;
            case IG_AUDITOR, OPERATOR -> false;
        };
    }

    static boolean patientAllows(String type, FhirAction action) {
        return action == FhirAction.READ || action == FhirAction.SEARCH
                || (action != FhirAction.DELETE && PATIENT_WRITES.contains(type));
    }

    /** Labels hidden from a role. Clinicians see every sensitive category but very restricted records. */
    static Set<String> hiddenLabels(Role role) {
        return role == Role.CLINICIAN ? Set.of("V") : SENSITIVE;
    }

    /** Labels hidden from patients and their proxies in the patient's own record. */
    static final Set<String> HIDDEN_FROM_PATIENTS = Set.of("V", "safeguarding");

    /** Whether the role reaches patients' records only through a care relationship (or break-glass). */
    static boolean needsRelationship(Role role) {
        return role == Role.CLINICIAN || role == Role.CARE_WORKER || role == Role.SCHEDULER;
    }
}
