package org.joinedup.fhir.internal.store;

import java.time.Instant;

/**
 * One stored version of a resource: its identity and the exact JSON served for it (null for a deletion).
 */
public record StoredResource(long pk, String type, String id, int version, Instant lastUpdated, boolean deleted,
                             String method, byte[] json) {

    public String versionId() {
        return Integer.toString(version);
    }

    public String etag() {
        return "W/\"" + version + "\"";
    }

    public String relativeUrl() {
        return type + "/" + id;
    }

    public String versionedUrl() {
        return type + "/" + id + "/_history/" + version;
    }
}
