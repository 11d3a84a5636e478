package org.joinedup.fhir.internal.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.CareRelationshipRule;
import org.joinedup.fhir.internal.index.IndexRows.CompositeRow;
import org.joinedup.fhir.internal.index.IndexRows.DateRow;
import org.joinedup.fhir.internal.index.IndexRows.NumberRow;
import org.joinedup.fhir.internal.index.IndexRows.QuantityRow;
import org.joinedup.fhir.internal.index.IndexRows.ReferenceRow;
import org.joinedup.fhir.internal.index.IndexRows.StringRow;
import org.joinedup.fhir.internal.index.IndexRows.TokenRow;
import org.joinedup.fhir.internal.index.IndexRows.UriRow;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.IndexKey;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.path.Item;
import org.joinedup.fhir.internal.path.PathEvaluator;

/**
 * Extracts every search value of a resource, for every index key of its type (each distinct branch of the
 * parameters R4 defines, evaluated once), and finds the patient compartments it belongs to. Works on the JSON
 * tree; nothing is parsed into HAPI objects.
 */
public final class IndexExtractor {

    private final SearchParamRegistry registry;
    private final PathEvaluator evaluator;
    private final String baseUrl;

    private final CareRelationships relationships;

    public IndexExtractor(SearchParamRegistry registry, PathEvaluator evaluator, String baseUrl) {
        this(registry, evaluator, baseUrl, List.of(), name -> true);
    }

    /** @param rules how resources establish care relationships; @param isTypeName tells resource type names, for parsing their paths */
    public IndexExtractor(SearchParamRegistry registry, PathEvaluator evaluator, String baseUrl, List<CareRelationshipRule> rules,
                          java.util.function.Predicate<String> isTypeName) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.baseUrl = baseUrl;
        this.relationships = new CareRelationships(rules, new org.joinedup.fhir.internal.path.PathParser(isTypeName), evaluator, baseUrl);
    }

    public IndexRows extract(ObjectNode resource, ElementType type, String id) {
        IndexRows rows = new IndexRows();
        List<Item> root = List.of(new Item(resource, type));
        for (IndexKey key : registry.keysFor(type.name())) {
            List<Item> items = evaluator.evaluate(key.expression(), root, root);
            if (!items.isEmpty()) {
                add(key, items, root, rows);
            }
        }
        if (type.name().equals("Patient") && id != null) {
            rows.patients.add(id);
        }
        relationships.extract(type.name(), root, rows);
        rows.contentWords = org.joinedup.fhir.SearchableText.words(org.joinedup.fhir.SearchableText.content(resource));
        rows.narrativeWords = org.joinedup.fhir.SearchableText.words(org.joinedup.fhir.SearchableText.narrative(resource));
        for (com.fasterxml.jackson.databind.JsonNode label : resource.path("meta").path("security")) {
            if (label.path("code").isTextual()) {
                rows.labels.add(label.path("code").textValue());
            }
        }
        return rows;
    }

    private void add(IndexKey param, List<Item> items, List<Item> root, IndexRows rows) {
        int p = param.id();
        for (Item item : items) {
            switch (param.type()) {
                case STRING -> Values.strings(item).forEach(s ->
                        rows.strings.add(new StringRow(p, TextNormalizer.normalize(s), TextNormalizer.truncate(s))));
                case TOKEN -> {
                    Values.tokens(item).forEach(t -> rows.tokens.add(new TokenRow(p, t.system(), t.code(), t.text())));
                    Values.identifierTypes(item).forEach(t ->
                            rows.tokens.add(new TokenRow(param.variant("of-type"), t.system(), t.code(), null)));
                }
                case DATE -> Values.dates(item).forEach(d -> rows.dates.add(new DateRow(p, d.low(), d.high())));
                case NUMBER -> Values.numbers(item).forEach(n -> rows.numbers.add(new NumberRow(p, n)));
                case QUANTITY -> Values.quantities(item).forEach(q ->
                        rows.quantities.add(new QuantityRow(p, q.value(), q.system(), q.code(), q.unit())));
                case URI -> Values.uris(item).forEach(u -> rows.uris.add(new UriRow(p, u)));
                case REFERENCE -> reference(param, item, rows);
                case COMPOSITE -> composite(param, item, root, rows);
                case SPECIAL -> {
                }
            }
        }
    }

    private void reference(IndexKey param, Item item, IndexRows rows) {
        List<References.Target> targets = References.targets(item, baseUrl);
        for (References.Target target : targets) {
            rows.references.add(new ReferenceRow(param.id(), target.type(), target.id(), target.url()));
            if (param.patientCompartment() && "Patient".equals(target.type())) {
                rows.patients.add(target.id());
            }
        }
        if (targets.isEmpty()) {
            // A logical (identifier-only), display-only or contained reference: present, for :missing, but pointing nowhere.
            rows.references.add(new ReferenceRow(param.id(), null, null, null));
        }
        Values.Token identifier = References.identifier(item);
        if (identifier != null) {
            rows.tokens.add(new TokenRow(param.variant("identifier"), identifier.system(), identifier.code(), null));
        }
    }

    private void composite(IndexKey param, Item item, List<Item> root, IndexRows rows) {
        if (param.components().size() != 2) {
            return;
        }
        List<Item> input = List.of(item);
        List<Values.Token> firsts = new ArrayList<>();
        for (Item first : evaluator.evaluate(param.components().get(0).expression(), input, root)) {
            firsts.addAll(asTokens(param.components().get(0).type(), first));
        }
        if (firsts.isEmpty()) {
            return;
        }
        ParamType secondType = param.components().get(1).type();
        for (Item second : evaluator.evaluate(param.components().get(1).expression(), input, root)) {
            for (Values.Token first : firsts) {
                switch (secondType) {
                    case QUANTITY -> Values.quantities(second).forEach(q -> rows.composites.add(new CompositeRow(param.id(),
                            first.system(), first.code(), q.system(), q.code() != null ? q.code() : q.unit(), q.value(), null, null)));
                    case NUMBER -> Values.numbers(second).forEach(n -> rows.composites.add(new CompositeRow(param.id(),
                            first.system(), first.code(), null, null, n, null, null)));
                    case DATE -> Values.dates(second).forEach(d -> rows.composites.add(new CompositeRow(param.id(),
                            first.system(), first.code(), null, null, null, d.low(), d.high())));
                    default -> asTokens(secondType, second).forEach(t -> rows.composites.add(new CompositeRow(param.id(),
                            first.system(), first.code(), t.system(), t.code(), null, null, null)));
                }
            }
        }
    }

    /** A token, string, reference or uri component as a (system, code) pair; strings are folded. */
    private List<Values.Token> asTokens(ParamType type, Item item) {
        return switch (type) {
            case TOKEN -> Values.tokens(item).stream().filter(t -> t.code() != null).toList();
            case STRING -> Values.strings(item).stream().map(s -> new Values.Token(null, TextNormalizer.normalize(s), null)).toList();
            case URI -> Values.uris(item).stream().map(u -> new Values.Token(null, u, null)).toList();
            case REFERENCE -> References.targets(item, baseUrl).stream()
                    .map(t -> new Values.Token(t.type(), t.id() != null ? t.id() : t.url(), null)).toList();
            default -> List.of();
        };
    }
}
