package org.joinedup.fhir.internal;

import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.VersionFlusher;

/** The store's core parts, built once at start-up: the R4 model, the search parameters, and the store itself. */
public record FhirCore(FhirModel model, SearchParamRegistry registry, ResourceStore store, VersionFlusher flusher) {
}
