package org.joinedup.fhir.internal.param;

import java.nio.charset.StandardCharsets;

/**
 * Index keys for search parameters: a 32-bit FNV-1a hash of {@code Type.code}. Being derived from the name
 * they need no table and are the same in every database; the registry refuses to start on a collision.
 */
public final class ParamIds {

    private ParamIds() {
    }

    public static int of(String resourceType, String code) {
        int hash = 0x811c9dc5;
        for (byte b : (resourceType + "." + code).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
