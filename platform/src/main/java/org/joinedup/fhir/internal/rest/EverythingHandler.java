package org.joinedup.fhir.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.joinedup.fhir.internal.bundle.Bundles;
import org.joinedup.fhir.internal.index.DateRange;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.search.ConditionalMatch;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.Denials;
import org.joinedup.fhir.internal.store.CompartmentDao;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.StoredResource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Patient/{id}/$everything} and {@code Patient/$everything?identifier=...}: the patient's compartment
 * page by page (with {@code _since}, {@code _type}, {@code _count}), each page with the resources outside
 * the compartment that it refers to (practitioners, organisations, medications).
 */
final class EverythingHandler {

    private final ResourceStore store;
    private final CompartmentDao compartment;
    private final List<String> allTypes;
    private final ConditionalMatch conditional;
    private final TransactionTemplate readOnly;
    private final int maxCount;

    EverythingHandler(ResourceStore store, CompartmentDao compartment, ConditionalMatch conditional, TransactionTemplate readOnly, int maxCount,
                      java.util.Collection<String> allTypes) {
        this.allTypes = List.copyOf(allTypes);
        this.store = store;
        this.compartment = compartment;
        this.conditional = conditional;
        this.readOnly = readOnly;
        this.maxCount = maxCount;
    }

    FhirResponse byIdentifier(FhirRequest request, String base) {
        String identifier = request.query().first("identifier");
        if (identifier == null) {
            throw FhirException.badRequest("Patient/$everything needs the patient's identifier, e.g. ?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009");
        }
        List<String> patients = readOnly.execute(status ->
                conditional.resolve("Patient", QueryParams.parse("identifier=" + QueryParams.encode(identifier))));
        if (patients == null || patients.isEmpty()) {
            throw FhirException.notFound("No patient has the identifier " + identifier);
        }
        if (patients.size() > 1) {
            throw FhirException.preconditionFailed("More than one patient has the identifier " + identifier);
        }
        return everything(request, base, patients.getFirst());
    }

    /** The types asked for, each of which the caller must be allowed to read; or, when none are named, those they may read. */
    private List<String> types(QueryParams query) {
        if (query.has("_type")) {
            List<String> named = Arrays.asList(query.first("_type").split(","));
            named.forEach(type -> Denials.requirePermitted(type, org.joinedup.fhir.FhirAction.READ));
            return named;
        }
        List<String> readable = Caller.readableTypes(allTypes);
        return readable == null ? List.of() : readable;
    }

    FhirResponse everything(FhirRequest request, String base, String id) {
        QueryParams query = request.query();
        int count = Math.max(1, query.count(maxCount, maxCount));
        List<String> types = types(query);
        Instant since = query.has("_since") ? since(query.first("_since")) : null;
        long afterPk = query.has("_page") ? parseLong(query.first("_page")) : 0;
        return readOnly.execute(status -> {
            store.read("Patient", id);
            List<StoredResource> page = compartment.page(id, types, since, afterPk, count + 1);
            boolean more = page.size() > count;
            if (more) {
                page = page.subList(0, count);
            }
            List<StoredResource> referenced = compartment.referencedOutside(id, page.stream().map(StoredResource::pk).toList(), types);
            Long total = afterPk == 0 ? (more ? compartment.count(id, types, since) : (long) page.size()) : null;
            String path = base + "/Patient/" + id + "/$everything";
            List<Bundles.Link> links = new ArrayList<>();
            links.add(new Bundles.Link("self", path + (query.entries().isEmpty() ? "" : "?" + query.toQueryString())));
            if (more) {
                QueryParams rest = new QueryParams(query.entries().stream().filter(e -> !e.getKey().equals("_page")).toList());
                links.add(new Bundles.Link("next", path + "?" + rest.plus(QueryParams.parse("_page=" + page.getLast().pk())).toQueryString()));
            }
            return FhirResponse.of(200, Bundles.searchset(base, links, total, page, referenced, json -> json));
        });
    }

    private static Instant since(String text) {
        DateRange range = DateRange.parse(text).orElseThrow(() -> FhirException.badRequest("_since must be an instant, not '" + text + "'"));
        return DateRange.instant(range.low());
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FhirException.badRequest("The paging token '_page' is not valid");
        }
    }
}
