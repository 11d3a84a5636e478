package org.joinedup.audit;

import java.util.List;

/** "Who viewed my record and why", in plain language, for the patient's own pages. */
public interface RecordUses {

    /** One use of a record by a member of staff: when, their organisation and role, what they did and why. */
    record RecordUse(String when, String organisation, String role, String what, String why, boolean breakGlass, String staffName) {
    }

    /** The most recent uses of a patient's record by staff, most recent first (never their own or their proxies' views). */
    List<RecordUse> of(String patientId);
}
