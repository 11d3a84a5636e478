package org.joinedup.fhir.internal.search;

import org.joinedup.fhir.internal.param.SearchParam;

/**
 * One {@code _sort} key: a search parameter ({@code date}), or {@code _id} / {@code _lastUpdated}
 * (param null, name set), ascending unless written {@code -name}.
 */
public record SortKey(String name, SearchParam param, boolean descending) {
}
