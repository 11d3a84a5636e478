package org.joinedup.fhir.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.fhir.internal.path.ReferenceText;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses writes whose literal references point nowhere: a local reference must name a resource that
 * exists and is not deleted, or one written in the same transaction; a {@code urn:uuid:} reference is only
 * meaningful inside a transaction Bundle, which resolves it first. External and contained references pass.
 * With enforcement off ({@code joinedup.fhir.enforce-referential-integrity=false}) everything passes.
 */
public final class ReferenceIntegrity {

    private final JdbcTemplate jdbc;
    private final String baseUrl;
    private final boolean enforced;

    public ReferenceIntegrity(JdbcTemplate jdbc, String baseUrl, boolean enforced) {
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
        this.enforced = enforced;
    }

    void check(List<NewVersion> versions, Set<String> writtenInTransaction) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (NewVersion version : versions) {
            for (String reference : version.references()) {
                if (enforced && (reference.startsWith("urn:uuid:") || reference.startsWith("urn:oid:"))) {
                    throw new FhirException(400, Issue.error("invalid", version.type() + " refers to " + reference
                            + ", which is not an entry of the transaction Bundle"));
                }
                if (enforced && reference.matches("[A-Z][A-Za-z]+\\?.*")) {
                    throw new FhirException(400, Issue.error("invalid", version.type() + " refers to " + reference
                            + ": conditional references are resolved only inside a transaction Bundle"));
                }
                String local = local(reference);
                if (local != null && !writtenInTransaction.contains(local)) {
                    targets.putIfAbsent(local, version.type() + "/" + version.id());
                }
            }
        }
        if (!enforced || targets.isEmpty()) {
            return;
        }
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String target : targets.keySet()) {
            int slash = target.indexOf('/');
            types.add(target.substring(0, slash));
            ids.add(target.substring(slash + 1));
        }
        List<String> found = jdbc.queryForList("SELECT r.res_type || '/' || r.res_id FROM resource r"
                + " JOIN unnest(?::text[], ?::text[]) AS t(res_type, res_id) ON r.res_type = t.res_type AND r.res_id = t.res_id"
                + " WHERE NOT r.deleted", String.class, types.toArray(String[]::new), ids.toArray(String[]::new));
        List<Issue> issues = new ArrayList<>();
        targets.forEach((target, from) -> {
            if (!found.contains(target)) {
                issues.add(Issue.error("not-found", from + " refers to " + target + ", which does not exist"));
            }
        });
        if (!issues.isEmpty()) {
            throw new FhirException(400, issues);
        }
    }

    private String local(String reference) {
        String[] typeAndId = ReferenceText.local(reference, baseUrl);
        return typeAndId == null ? null : typeAndId[0] + "/" + typeAndId[1];
    }
}
