package org.joinedup.fhir.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Outcomes;
import org.joinedup.fhir.internal.store.StoredResource;

/**
 * A FHIR interaction's answer: status, headers and a JSON body (null for none); or, from an operation, a body of
 * another type (its {@code Content-Type} header set) or one streamed to the client ({@code stream}).
 */
public record FhirResponse(int status, Map<String, String> headers, byte[] json, org.joinedup.fhir.FhirApi.BodyWriter stream) {

    public FhirResponse(int status, Map<String, String> headers, byte[] json) {
        this(status, headers, json, null);
    }

    public static FhirResponse of(int status, byte[] json) {
        return new FhirResponse(status, new LinkedHashMap<>(), json);
    }

    public static FhirResponse of(int status, ObjectNode json) {
        return of(status, FhirJson.write(json));
    }

    public static FhirResponse error(FhirException e) {
        return of(e.status(), Outcomes.of(e.issues()));
    }

    /** A stored version, with its ETag and Last-Modified headers. */
    public static FhirResponse resource(int status, StoredResource stored) {
        return of(status, stored.json()).withVersionHeaders(stored);
    }

    public FhirResponse withVersionHeaders(StoredResource stored) {
        headers.put("ETag", stored.etag());
        headers.put("Last-Modified", httpDate(stored.lastUpdated()));
        return this;
    }

    public FhirResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FhirResponse withBody(byte[] newJson) {
        return new FhirResponse(status, headers, newJson, stream);
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
