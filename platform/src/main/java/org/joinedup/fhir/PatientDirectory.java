package org.joinedup.fhir;

/** Questions other modules may ask of the store about patients, without reading their records. */
public interface PatientDirectory {

    /** Whether a Patient with this id exists and is not deleted. */
    boolean exists(String patientId);

    /** The id of the Patient with this NHS number, if there is exactly one. */
    java.util.Optional<String> findByNhsNumber(String nhsNumber);
}
