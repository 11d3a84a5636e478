package org.joinedup.fhir.internal.store;

/**
 * What a write did.
 *
 * @param resource the version now current (for a no-op update, the unchanged one)
 * @param created whether the write created the resource (HTTP 201)
 * @param changed whether a new version was written
 */
public record WriteResult(StoredResource resource, boolean created, boolean changed) {
}
