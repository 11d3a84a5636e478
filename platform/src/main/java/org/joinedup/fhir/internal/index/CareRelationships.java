package org.joinedup.fhir.internal.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.CareRelationshipRule;
import org.joinedup.fhir.internal.path.Item;
import org.joinedup.fhir.internal.path.PathEvaluator;
import org.joinedup.fhir.internal.path.PathExpression;
import org.joinedup.fhir.internal.path.PathParser;

/**
 * Derives the parties in a care relationship with a resource's patients, by the {@link CareRelationshipRule}s.
 * A party is a local reference ({@code Organization/x}, {@code Practitioner/y}, {@code Location/z}) or, for a
 * logical reference by ODS code, {@code ods:CODE}.
 */
final class CareRelationships {

    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private record Condition(PathExpression path, java.util.Set<String> values) {
    }

    private record Compiled(String kind, List<PathExpression> parties, List<Condition> conditions) {
    }

    private final Map<String, List<Compiled>> byType = new HashMap<>();
    private final PathEvaluator evaluator;
    private final String baseUrl;

    CareRelationships(List<CareRelationshipRule> rules, PathParser parser, PathEvaluator evaluator, String baseUrl) {
        this.evaluator = evaluator;
        this.baseUrl = baseUrl;
        for (CareRelationshipRule rule : rules) {
            List<PathExpression> parties = rule.partyPaths().stream().map(parser::parse).toList();
            List<Condition> conditions = rule.conditions().entrySet().stream()
                    .map(c -> new Condition(parser.parse(c.getKey()), c.getValue())).toList();
            byType.computeIfAbsent(rule.resourceType(), t -> new ArrayList<>()).add(new Compiled(rule.kind(), parties, conditions));
        }
    }

    void extract(String type, List<Item> root, IndexRows rows) {
        for (Compiled rule : byType.getOrDefault(type, List.of())) {
            if (!rule.conditions().stream().allMatch(condition -> holds(condition, root))) {
                continue;
            }
            for (PathExpression path : rule.parties()) {
                for (Item item : evaluator.evaluate(path, root, root)) {
                    String party = party(item.node());
                    if (party != null) {
                        rows.relationships.add(new IndexRows.RelationshipRow(party, rule.kind()));
                    }
                }
            }
        }
    }

    private boolean holds(Condition condition, List<Item> root) {
        List<Item> values = evaluator.evaluate(condition.path(), root, root);
        if (values.isEmpty()) {
            return false;
        }
        JsonNode value = values.getFirst().node();
        return value != null && value.isTextual() && condition.values().contains(value.textValue());
    }

    private String party(JsonNode reference) {
        if (reference == null || !reference.isObject()) {
            return null;
        }
        String text = Values.text(reference, "reference");
        if (text != null) {
            References.Target target = References.target(text, baseUrl);
            return target == null || target.type() == null ? null : target.type() + "/" + target.id();
        }
        JsonNode identifier = reference.get("identifier");
        if (identifier != null && ODS_SYSTEM.equals(Values.text(identifier, "system")) && identifier.hasNonNull("value")) {
            return "ods:" + identifier.get("value").asText();
        }
        return null;
    }
}
