/** Who may see what: SMART scopes, roles, patient compartments, legitimate relationships and break-glass, applied to every FHIR interaction. */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.joinedup.access;
