package org.joinedup.fhir.internal.access;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Completes what an interaction disclosed with the patients whose compartments hold each resource, for the
 * resources whose rows were read without them (history, deletions), in one query by store key; the audit
 * then never reads the store's tables.
 */
public final class DisclosedPatients {

    private final JdbcTemplate jdbc;

    public DisclosedPatients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FhirInteraction.Disclosed> complete(List<FhirInteraction.Disclosed> disclosed) {
        Set<Long> keys = new LinkedHashSet<>();
        disclosed.stream().filter(d -> d.patients() == null).forEach(d -> keys.add(d.key()));
        if (keys.isEmpty()) {
            return disclosed;
        }
        Map<Long, List<String>> patients = new HashMap<>();
        jdbc.query("SELECT pk, patients FROM resource WHERE pk = ANY (?) AND patients IS NOT NULL", rs -> {
            Array array = rs.getArray(2);
            patients.put(rs.getLong(1), List.of((String[]) array.getArray()));
        }, (Object) keys.toArray(Long[]::new));
        List<FhirInteraction.Disclosed> complete = new ArrayList<>(disclosed.size());
        for (FhirInteraction.Disclosed d : disclosed) {
            complete.add(d.patients() != null ? d
                    : new FhirInteraction.Disclosed(d.key(), d.type(), d.id(), patients.getOrDefault(d.key(), List.of())));
        }
        return complete;
    }
}
