package org.joinedup.fhir.internal.search;

/**
 * {@code _include=Source:param[:Target]} or {@code _revinclude=Source:param[:Target]}; param is {@code *} for all
 * references of the source type.
 */
public record Include(String sourceType, String paramCode, String targetType, boolean iterate, boolean reverse) {
}
