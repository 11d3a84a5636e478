/** The FHIR R4 store: versioned resources on PostgreSQL, search, and the REST API at {@code /fhir}. */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR store")
package org.joinedup.fhir;
