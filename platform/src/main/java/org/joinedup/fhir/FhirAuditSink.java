package org.joinedup.fhir;

/**
 * Where every FHIR interaction is recorded before its answer is sent. It must return only once the record
 * is durable; if it throws, the answer is withheld and the caller is refused (the audit fails closed).
 */
public interface FhirAuditSink {

    void record(FhirInteraction interaction);
}
