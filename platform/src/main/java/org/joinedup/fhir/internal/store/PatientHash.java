package org.joinedup.fhir.internal.store;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit key of a patient compartment in the index tables: FNV-1a of the patient id with a final mix.
 * A collision only widens an index range; searches always keep the exact reference condition too.
 */
public final class PatientHash {

    private PatientHash() {
    }

    public static long of(String patientId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : patientId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
