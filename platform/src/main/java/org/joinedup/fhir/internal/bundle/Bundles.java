package org.joinedup.fhir.internal.bundle;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.joinedup.fhir.internal.store.StoredResource;

/** Search and history Bundles, written with {@link BundleJson}. */
public final class Bundles {

    /** A Bundle.link. */
    public record Link(String relation, String url) {
    }

    private Bundles() {
    }

    /**
     * A searchset: matches (mode match) then includes (mode include). {@code transform} may rewrite each
     * resource's JSON ({@code _summary}, {@code _elements}); identity otherwise.
     */
    public static byte[] searchset(String base, List<Link> links, Long total, List<StoredResource> matches,
                                   List<StoredResource> included, UnaryOperator<byte[]> transform) {
        int size = 2048;
        for (StoredResource resource : matches) {
            size += resource.json().length + 200;
        }
        for (StoredResource resource : included) {
            size += resource.json().length + 200;
        }
        BundleJson json = header("searchset", size);
        if (total != null) {
            json.number("total", total);
        }
        links(json, links);
        json.beginArray("entry");
        for (StoredResource match : matches) {
            entry(json, base, match, "match", transform);
        }
        for (StoredResource include : included) {
            entry(json, base, include, "include", transform);
        }
        return json.endArray().end().bytes();
    }

    public static byte[] history(String base, List<Link> links, Long total, List<StoredResource> versions) {
        int size = 2048;
        for (StoredResource version : versions) {
            size += (version.json() == null ? 0 : version.json().length) + 300;
        }
        BundleJson json = header("history", size);
        if (total != null) {
            json.number("total", total);
        }
        links(json, links);
        json.beginArray("entry");
        for (StoredResource version : versions) {
            json.beginItem().string("fullUrl", base + "/" + version.relativeUrl());
            if (!version.deleted()) {
                json.raw("resource", version.json());
            }
            json.beginObject("request").string("method", version.method())
                    .string("url", version.method().equals("POST") ? version.type() : version.relativeUrl()).end();
            json.beginObject("response").string("status", status(version)).string("etag", version.etag())
                    .string("lastModified", version.lastUpdated().toString()).end();
            json.end();
        }
        return json.endArray().end().bytes();
    }

    static BundleJson header(String type, int sizeHint) {
        BundleJson json = new BundleJson(sizeHint).begin();
        json.string("resourceType", "Bundle").string("id", UUID.randomUUID().toString());
        json.beginObject("meta").string("lastUpdated", DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC))).end();
        return json.string("type", type);
    }

    private static void links(BundleJson json, List<Link> links) {
        json.beginArray("link");
        for (Link link : links) {
            json.beginItem().string("relation", link.relation()).string("url", link.url()).end();
        }
        json.endArray();
    }

    private static void entry(BundleJson json, String base, StoredResource resource, String mode, UnaryOperator<byte[]> transform) {
        json.beginItem().string("fullUrl", base + "/" + resource.relativeUrl()).raw("resource", transform.apply(resource.json()));
        json.beginObject("search").string("mode", mode).end();
        json.end();
    }

    private static String status(StoredResource version) {
        return switch (version.method()) {
            case "POST" -> "201 Created";
            case "DELETE" -> "204 No Content";
            default -> version.version() == 1 ? "201 Created" : "200 OK";
        };
    }
}
