package org.joinedup.devices.internal;

/**
 * A Device as the record has it: the patient it serves ("" when it serves a place), its owner's ODS code and name
 * (whose staff respond to its alerts; null if it has none), and where it is, in words.
 */
record Registered(String patient, String organisation, String organisationName, String place) {

    /** Where, for an alert: the room and the organisation ("Room 4, Bolton Lodge Care Home"), or "at home". */
    String where() {
        String site = organisationName != null ? organisationName : organisation;
        if (place != null && site != null) {
            return place + ", " + site;
        }
        return place != null ? place : patient.isEmpty() ? site : "at home (" + site + ")";
    }
}
