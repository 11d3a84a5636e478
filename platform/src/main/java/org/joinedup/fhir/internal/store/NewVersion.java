package org.joinedup.fhir.internal.store;

import java.time.Instant;
import java.util.List;
import org.joinedup.fhir.internal.index.IndexRows;

/**
 * A version about to be written: the resource row's new state, the version's JSON (null for a deletion)
 * and the index rows that will describe it (null for a deletion).
 *
 * @param firstVersion whether the resource row does not exist yet
 * @param references the literal references the version makes, checked before it is written
 */
public record NewVersion(long pk, String type, String id, int version, Instant lastUpdated, String method,
                         byte[] json, IndexRows rows, boolean firstVersion, String changedBy, String changeReason,
                         List<String> references) {

    /** The same version with its primary key assigned. */
    NewVersion withPk(long newPk) {
        return new NewVersion(newPk, type, id, version, lastUpdated, method, json, rows, firstVersion, changedBy, changeReason, references);
    }

    public boolean deletion() {
        return json == null;
    }

    public StoredResource stored() {
        return new StoredResource(pk, type, id, version, lastUpdated, deletion(), method, json);
    }
}
