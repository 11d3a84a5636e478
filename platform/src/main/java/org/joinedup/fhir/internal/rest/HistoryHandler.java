package org.joinedup.fhir.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.joinedup.fhir.internal.bundle.Bundles;
import org.joinedup.fhir.internal.index.DateRange;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.Denials;
import org.joinedup.fhir.internal.store.HistoryDao;
import org.joinedup.fhir.internal.store.ResourceDao;
import org.joinedup.fhir.internal.store.StoredResource;

/** The history interactions at instance, type and system level, with {@code _since}, {@code _at} and {@code _count}. */
final class HistoryHandler {

    private final HistoryDao history;
    private final ResourceDao resources;
    private final List<String> allTypes;
    private final int defaultCount;
    private final int maxCount;

    HistoryHandler(HistoryDao history, ResourceDao resources, java.util.Collection<String> allTypes, int defaultCount, int maxCount) {
        this.history = history;
        this.resources = resources;
        this.allTypes = List.copyOf(allTypes);
        this.defaultCount = defaultCount;
        this.maxCount = maxCount;
    }

    FhirResponse history(FhirRequest request, String base, String type, String id) {
        QueryParams query = request.query();
        int count = query.count(defaultCount, maxCount);
        Instant since = query.has("_since") ? instant(query.first("_since"), "_since").low : null;
        Range at = query.has("_at") ? instant(query.first("_at"), "_at") : null;
        String page = query.first("_page");
        Instant afterTime = null;
        long afterPk = 0;
        int afterVersion = 0;
        if (page != null) {
            String[] parts = decode(page);
            afterTime = Instant.parse(parts[0]);
            afterPk = Long.parseLong(parts[1]);
            afterVersion = Integer.parseInt(parts[2]);
        }
        if (id != null) {
            Long key = history.keyOf(type, id);
            if (key == null) {
                throw FhirException.notFound("There is no " + type + " with id '" + id + "'");
            }
            List<String> hiddenPatients = resources.hiddenFrom(key);
            if (hiddenPatients != null) {
                throw Denials.hidden(type, id, hiddenPatients);
            }
        }
        List<String> readable = type == null ? Caller.readableTypes(allTypes) : null;
        List<StoredResource> versions = history.versions(new HistoryDao.Query(type, id, since,
                at == null ? null : at.low, at == null ? null : at.high, afterTime, afterPk, afterVersion, count + 1), readable);
        List<Bundles.Link> links = new ArrayList<>();
        String path = base + (type == null ? "" : "/" + type) + (id == null ? "" : "/" + id) + "/_history";
        links.add(new Bundles.Link("self", path + (query.entries().isEmpty() ? "" : "?" + query.toQueryString())));
        if (versions.size() > count) {
            versions = versions.subList(0, count);
            StoredResource last = versions.getLast();
            QueryParams next = withoutPage(query).plus(QueryParams.parse("_page=" + encode(last)));
            links.add(new Bundles.Link("next", path + "?" + next.toQueryString()));
        }
        Long total = page == null && links.size() == 1 ? (long) versions.size() : null;
        return FhirResponse.of(200, Bundles.history(base, links, total, versions));
    }

    private static QueryParams withoutPage(QueryParams query) {
        return new QueryParams(query.entries().stream().filter(e -> !e.getKey().equals("_page")).toList());
    }

    private static String encode(StoredResource last) {
        String token = last.lastUpdated() + "," + last.pk() + "," + last.version();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes());
    }

    private static String[] decode(String page) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(page)).split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("The paging token '_page' is not valid");
        }
    }

    private record Range(Instant low, Instant high) {
    }

    private static Range instant(String text, String name) {
        DateRange range = DateRange.parse(text)
                .orElseThrow(() -> FhirException.badRequest(name + " must be a date or instant, not '" + text + "'"));
        return new Range(DateRange.instant(range.low()), DateRange.instant(range.high()));
    }
}
