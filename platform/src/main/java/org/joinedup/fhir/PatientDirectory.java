package org.joinedup.fhir;

/** Questions other modules may ask of the store about patients, without reading their records. */
public interface PatientDirectory {

    /** Whether a Patient with this id exists and is not deleted. */
    boolean exists(String patientId);
}
