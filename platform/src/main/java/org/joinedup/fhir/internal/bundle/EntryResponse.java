package org.joinedup.fhir.internal.bundle;

import java.util.List;
import org.joinedup.fhir.internal.rest.FhirResponse;

/** One entry of a batch-response or transaction-response Bundle. */
record EntryResponse(int status, String location, String etag, String lastModified, byte[] resource, boolean outcome) {

    static EntryResponse of(FhirResponse response) {
        String lastModified = response.headers().get("Last-Modified");
        String location = response.headers().getOrDefault("Location", response.headers().get("Content-Location"));
        boolean isOutcome = response.json() != null && response.status() >= 400;
        return new EntryResponse(response.status(), location, response.headers().get("ETag"),
                lastModified == null ? null : java.time.ZonedDateTime.parse(lastModified,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString(),
                response.json(), isOutcome);
    }

    static byte[] bundle(String type, List<EntryResponse> entries) {
        int size = 2048;
        for (EntryResponse entry : entries) {
            size += (entry.resource() == null ? 0 : entry.resource().length) + 250;
        }
        BundleJson json = Bundles.header(type, size);
        json.beginArray("entry");
        for (EntryResponse entry : entries) {
            json.beginItem();
            if (entry.location() != null && entry.location().contains("/_history/")) {
                json.string("fullUrl", entry.location().substring(0, entry.location().indexOf("/_history/")));
            }
            if (entry.resource() != null && !entry.outcome()) {
                json.raw("resource", entry.resource());
            }
            json.beginObject("response").string("status", StatusText.of(entry.status())).string("location", entry.location())
                    .string("etag", entry.etag()).string("lastModified", entry.lastModified());
            if (entry.resource() != null && entry.outcome()) {
                json.raw("outcome", entry.resource());
            }
            json.end().end();
        }
        return json.endArray().end().bytes();
    }
}
