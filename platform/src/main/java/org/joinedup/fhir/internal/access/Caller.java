package org.joinedup.fhir.internal.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirInteraction;

/**
 * The caller of the FHIR interaction in progress, bound for its duration: what they may do, and what they
 * have been shown (for the audit). Every query reads the caller from here; outside a bound scope there is
 * no caller and queries refuse to run.
 */
public final class Caller {

    private static final ScopedValue<Caller> CURRENT = ScopedValue.newInstance();

    private final FhirAccess access;
    private final List<FhirInteraction.Disclosed> disclosed = Collections.synchronizedList(new ArrayList<>());

    private Caller(FhirAccess access) {
        this.access = access;
    }

    /** Runs work as a caller; returns the work's result and what it disclosed. */
    public static <T> Bound<T> as(FhirAccess access, Callable<T> work) throws Exception {
        Caller caller = new Caller(access);
        T result = ScopedValue.where(CURRENT, caller).call(work::call);
        return new Bound<>(result, List.copyOf(caller.disclosed));
    }

    /** A result, and the resources the work read, wrote or returned. */
    public record Bound<T>(T result, List<FhirInteraction.Disclosed> disclosed) {
    }

    public static FhirAccess access() {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("No caller is bound: FHIR data is read only on behalf of a caller");
        }
        return CURRENT.get().access;
    }

    /** Of all types, those the caller may read; null when they may read every one. */
    public static List<String> readableTypes(java.util.Collection<String> allTypes) {
        FhirAccess.Permissions permissions = access().permissions();
        List<String> readable = allTypes.stream().filter(t -> permissions.allows(t, org.joinedup.fhir.FhirAction.READ)).sorted().toList();
        return readable.size() == allTypes.size() ? null : readable;
    }

    /** Notes that a resource was disclosed to (or written by) the caller. */
    public static void disclosed(long key, String type, String id) {
        if (CURRENT.isBound()) {
            CURRENT.get().disclosed.add(new FhirInteraction.Disclosed(key, type, id, null));
        }
    }

    /**
     * Notes a disclosed resource with the patients whose compartments hold it, as read with it; when the row
     * did not carry them ({@code hasPatients} false), the audit looks them up.
     */
    public static void disclosed(java.sql.ResultSet row, long key, String type, String id) throws java.sql.SQLException {
        if (!CURRENT.isBound()) {
            return;
        }
        List<String> patients = null;
        java.sql.ResultSetMetaData columns = row.getMetaData();
        for (int i = columns.getColumnCount(); i > 0; i--) {
            if ("patients".equals(columns.getColumnLabel(i))) {
                java.sql.Array array = row.getArray(i);
                patients = array == null ? List.of() : List.of((String[]) array.getArray());
                break;
            }
        }
        CURRENT.get().disclosed.add(new FhirInteraction.Disclosed(key, type, id, patients));
    }

    /** Notes that the caller wrote a resource in these patients' compartments. */
    public static void wrote(String type, String id, java.util.Collection<String> patients) {
        if (CURRENT.isBound()) {
            CURRENT.get().disclosed.add(new FhirInteraction.Disclosed(0, type, id, List.copyOf(patients)));
        }
    }
}
