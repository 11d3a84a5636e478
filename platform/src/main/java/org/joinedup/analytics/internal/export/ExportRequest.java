package org.joinedup.analytics.internal.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bulk export kick-off asks for (FHIR Bulk Data Access IG v2): the level, the resource types ({@code _type};
 * none: every type the level covers that the caller may search), changes after {@code _since} only, and per type the
 * searches a resource must match one of ({@code _typeFilter}).
 *
 * @param group the Group's id at Group level, else null
 */
record ExportRequest(Level level, String group, List<String> types, Instant since, Map<String, List<String>> typeFilters) {

    enum Level { SYSTEM, PATIENT, GROUP }

    private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final Set<String> UNSUPPORTED = Set.of("_elements", "patient", "includeAssociatedData", "_until");

    /** The request's parameters read and checked; a {@link Refused} says what is wrong with them. */
    static ExportRequest of(Level level, String group, Map<String, List<String>> parameters, Set<String> knownTypes) {
        for (String name : parameters.keySet()) {
            if (UNSUPPORTED.contains(name)) {
                throw new Refused("not-supported", "The export parameter " + name + " is not supported");
            }
        }
        for (String format : parameters.getOrDefault("_outputFormat", List.of())) {
            if (!NDJSON.contains(format)) {
                throw new Refused("not-supported", "Exports are written as NDJSON only (_outputFormat application/fhir+ndjson), not " + format);
            }
        }
        Set<String> types = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault("_type", List.of())) {
            for (String type : value.split(",")) {
                if (!knownTypes.contains(type.trim())) {
                    throw new Refused("not-supported", "'" + type.trim() + "' is not a resource type this export can include");
                }
                types.add(type.trim());
            }
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String value : parameters.getOrDefault("_typeFilter", List.of())) {
            for (String search : value.split(",(?=[A-Z][A-Za-z]+\\?)")) {
                int mark = search.indexOf('?');
                String type = mark < 0 ? "" : search.substring(0, mark);
                if (!knownTypes.contains(type) || mark == search.length() - 1) {
                    throw new Refused("invalid", "A _typeFilter is a search of a type this export can include, such as"
                            + " MedicationRequest?status=active; not '" + search + "'");
                }
                if (!types.isEmpty() && !types.contains(type)) {
                    throw new Refused("invalid", "The _typeFilter " + search + " is for a type not in _type");
                }
                filters.computeIfAbsent(type, t -> new ArrayList<>()).add(search.substring(mark + 1));
            }
        }
        return new ExportRequest(level, group, List.copyOf(types), since(parameters.get("_since")), Map.copyOf(filters));
    }

    private static Instant since(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(values.getFirst()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("invalid", "_since is an instant with a time zone, such as 2026-01-31T09:00:00Z; not '" + values.getFirst() + "'");
        }
    }

    /** The filters for a type: its _typeFilter searches, or one empty search (all of the type). */
    List<String> filtersFor(String type) {
        return typeFilters.getOrDefault(type, List.of(""));
    }

    /** A kick-off that cannot be accepted: the OperationOutcome's issue code and what to change. */
    static final class Refused extends RuntimeException {

        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
