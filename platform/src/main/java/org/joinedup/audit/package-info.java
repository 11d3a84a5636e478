/** The audit: every access to patient data recorded as an IHE BALP AuditEvent in an append-only, hash-chained log. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.joinedup.audit;
