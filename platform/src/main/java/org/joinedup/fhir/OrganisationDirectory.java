package org.joinedup.fhir;

import java.util.Optional;

/** Names of organisations, for showing people where something happened. */
public interface OrganisationDirectory {

    /** The name of the Organization with this ODS code, if the store holds one. */
    Optional<String> nameByOdsCode(String odsCode);
}
