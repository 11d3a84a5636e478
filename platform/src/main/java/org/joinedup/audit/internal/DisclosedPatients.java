package org.joinedup.audit.internal;

import java.sql.Array;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.FhirInteraction;
import org.springframework.jdbc.core.JdbcTemplate;

/** The patients whose compartments hold the resources an interaction disclosed, found by their store keys. */
final class DisclosedPatients {

    private DisclosedPatients() {
    }

    static Map<Long, List<String>> lookUp(JdbcTemplate jdbc, List<FhirInteraction.Disclosed> disclosed) {
        Set<Long> keys = new LinkedHashSet<>();
        disclosed.stream().filter(d -> d.patients() == null).forEach(d -> keys.add(d.key()));
        Map<Long, List<String>> patients = new HashMap<>();
        if (keys.isEmpty()) {
            return patients;
        }
        jdbc.query("SELECT pk, patients FROM resource WHERE pk = ANY (?) AND patients IS NOT NULL", rs -> {
            Array array = rs.getArray(2);
            patients.put(rs.getLong(1), List.of((String[]) array.getArray()));
        }, (Object) keys.toArray(Long[]::new));
        return patients;
    }
}
