package org.joinedup.fhir.internal.search;

import java.util.List;

/**
 * A parsed search: what to match, how to order and page it, and what to add.
 *
 * @param type the resource type searched
 * @param criteria AND-ed conditions
 * @param sort sort keys, in order (empty: insertion order)
 * @param count page size
 * @param includes {@code _include} and {@code _revinclude}
 * @param total whether to count all matches ({@code _total=accurate})
 * @param countOnly {@code _summary=count}: the total and no entries
 * @param cursor where the page starts (from a next or previous link), or null for the first page
 */
public record SearchSpec(String type, List<Criterion> criteria, List<SortKey> sort, int count, List<Include> includes,
                         boolean total, boolean countOnly, PageCursor cursor) {
}
