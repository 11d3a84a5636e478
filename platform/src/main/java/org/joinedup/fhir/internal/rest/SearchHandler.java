package org.joinedup.fhir.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.internal.access.Denials;
import org.joinedup.fhir.internal.bundle.Bundles;
import org.joinedup.fhir.internal.search.Criterion;
import org.joinedup.fhir.internal.search.PageCursor;
import org.joinedup.fhir.internal.search.SearchExecutor;
import org.joinedup.fhir.internal.search.SearchParser;
import org.joinedup.fhir.internal.search.SearchResult;
import org.joinedup.fhir.internal.search.SearchSpec;

/** The search interaction (GET and POST {@code _search}): a searchset Bundle with next and previous links. */
final class SearchHandler {

    private final SearchParser parser;
    private final SearchExecutor executor;
    private final ElementFilter filter;

    SearchHandler(SearchParser parser, SearchExecutor executor, ElementFilter filter) {
        this.parser = parser;
        this.executor = executor;
        this.filter = filter;
    }

    FhirResponse search(FhirRequest request, String base, String type) {
        QueryParams query = request.query();
        SearchSpec spec = parser.parse(type, query, Prefer.of(request).lenient());
        spec.criteria().forEach(SearchHandler::requireSearchable);
        SearchResult result = executor.execute(spec);
        String path = base + "/" + type;
        List<Bundles.Link> links = new ArrayList<>();
        links.add(new Bundles.Link("self", path + (query.entries().isEmpty() ? "" : "?" + query.toQueryString())));
        if (result.next() != null) {
            links.add(new Bundles.Link("next", pageUrl(path, query, result.next())));
        }
        if (result.previous() != null) {
            links.add(new Bundles.Link("previous", pageUrl(path, query, result.previous())));
        }
        UnaryOperator<byte[]> transform = filter.forQuery(query);
        return FhirResponse.of(200, Bundles.searchset(base, links, result.total(), result.matches(), result.included(),
                transform == null ? UnaryOperator.identity() : transform));
    }

    /** Chains and {@code _has} search other types: the caller must be allowed to search those too. */
    private static void requireSearchable(Criterion criterion) {
        switch (criterion) {
            case Criterion.Chain chain -> {
                Denials.requirePermitted(chain.targetType(), FhirAction.SEARCH);
                requireSearchable(chain.inner());
            }
            case Criterion.Has has -> {
                Denials.requirePermitted(has.sourceType(), FhirAction.SEARCH);
                requireSearchable(has.inner());
            }
            case Criterion.AnyOf any -> any.alternatives().forEach(SearchHandler::requireSearchable);
            default -> { }
        }
    }

    static String pageUrl(String path, QueryParams query, PageCursor cursor) {
        QueryParams rest = new QueryParams(query.entries().stream().filter(e -> !e.getKey().equals("_page")).toList());
        return path + "?" + rest.plus(QueryParams.parse("_page=" + cursor.encode())).toQueryString();
    }
}
