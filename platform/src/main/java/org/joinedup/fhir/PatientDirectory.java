package org.joinedup.fhir;

/** Questions other modules may ask of the store about patients, without reading their records. */
public interface PatientDirectory {

    /** Whether a Patient with this id exists and is not deleted. */
    boolean exists(String patientId);

    /**
     * The patients for whom the person with this NHS number is a proxy: a RelatedPerson with that NHS number, to
     * whom the patient has given an active permit Consent naming them as actor.
     */
    java.util.Set<String> proxiedBy(String nhsNumber);

    /** How a patient is named to a person allowed to see their record ("Sam Jones"), from their first name. */
    java.util.Optional<String> displayName(String patientId);

    /** The id of the Patient with this NHS number, if there is exactly one. */
    java.util.Optional<String> findByNhsNumber(String nhsNumber);
}
