package org.joinedup.fhir.internal.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.outcome.FhirException;

/**
 * The versions one database transaction will write, gathered so that a Bundle of thousands of resources
 * is written with a few COPY statements. Flushed before anything in the same transaction reads.
 */
public final class WriteBatch {

    private final List<NewVersion> pending = new ArrayList<>();
    private final Set<String> touched = new HashSet<>();

    /** Claims a resource for this transaction; FHIR forbids one transaction writing the same resource twice. */
    public void claim(String type, String id) {
        if (!touched.add(type + "/" + id)) {
            throw FhirException.badRequest("The resource " + type + "/" + id + " is written more than once in one transaction");
        }
    }

    void add(NewVersion version) {
        pending.add(version);
    }

    /** Every resource claimed in this transaction so far ({@code Type/id}), in no particular order. */
    public Set<String> claimed() {
        return java.util.Collections.unmodifiableSet(touched);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Writes what is pending, after checking its references, on the transaction's connection. */
    public List<NewVersion> flush(VersionFlusher flusher) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<NewVersion> ready = flusher.write(pending, touched);
        pending.clear();
        return ready;
    }
}
