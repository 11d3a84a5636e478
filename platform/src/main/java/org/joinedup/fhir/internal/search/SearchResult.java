package org.joinedup.fhir.internal.search;

import java.util.List;
import org.joinedup.fhir.internal.store.StoredResource;

/**
 * One page of a search.
 *
 * @param matches the page's matches, in order
 * @param included resources added by {@code _include} and {@code _revinclude}
 * @param total all matches, when counted (null otherwise)
 * @param next cursor of the next page, or null
 * @param previous cursor of the previous page, or null
 */
public record SearchResult(List<StoredResource> matches, List<StoredResource> included, Long total,
                           PageCursor next, PageCursor previous) {
}
