package org.joinedup.fhir.internal.rest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.StoredResource;

/** read and vread, with conditional reads (If-None-Match, If-Modified-Since) and {@code _summary}/{@code _elements}. */
final class ReadHandler {

    private final ResourceStore store;
    private final ElementFilter filter;

    ReadHandler(ResourceStore store, ElementFilter filter) {
        this.store = store;
        this.filter = filter;
    }

    FhirResponse read(FhirRequest request, String type, String id) {
        return respond(request, store.read(type, id));
    }

    FhirResponse vread(FhirRequest request, String type, String id, String version) {
        return respond(request, store.vread(type, id, version));
    }

    private FhirResponse respond(FhirRequest request, StoredResource stored) {
        if (notModified(request, stored)) {
            return FhirResponse.of(304, (byte[]) null).withVersionHeaders(stored);
        }
        FhirResponse response = FhirResponse.resource(200, stored);
        UnaryOperator<byte[]> transform = filter.forQuery(request.query());
        return transform == null ? response : response.withBody(transform.apply(stored.json()));
    }

    private static boolean notModified(FhirRequest request, StoredResource stored) {
        String ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.replace("W/", "").replace("\"", "").trim().equals(stored.versionId());
        }
        String ifModifiedSince = request.header("if-modified-since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !stored.lastUpdated().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
