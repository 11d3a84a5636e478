package org.joinedup.portal.internal;

/**
 * A record a portal user may see: the patient's id, how they are named, and whether it is the user's own. Public
 * only so that page templates can read it.
 */
public record RecordChoice(String patientId, String name, boolean own) {

    /** "your record" or "Sam Jones's record". */
    public String whose() {
        return own ? "your record" : name + "'s record";
    }
}
