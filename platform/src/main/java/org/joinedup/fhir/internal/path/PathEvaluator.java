package org.joinedup.fhir.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.internal.model.Child;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.path.PathExpression.And;
import org.joinedup.fhir.internal.path.PathExpression.As;
import org.joinedup.fhir.internal.path.PathExpression.Equality;
import org.joinedup.fhir.internal.path.PathExpression.Exists;
import org.joinedup.fhir.internal.path.PathExpression.First;
import org.joinedup.fhir.internal.path.PathExpression.Index;
import org.joinedup.fhir.internal.path.PathExpression.Is;
import org.joinedup.fhir.internal.path.PathExpression.Literal;
import org.joinedup.fhir.internal.path.PathExpression.Member;
import org.joinedup.fhir.internal.path.PathExpression.Resolve;
import org.joinedup.fhir.internal.path.PathExpression.This;
import org.joinedup.fhir.internal.path.PathExpression.TypeFilter;
import org.joinedup.fhir.internal.path.PathExpression.Union;
import org.joinedup.fhir.internal.path.PathExpression.Where;

/** Evaluates a {@link PathExpression} over resource JSON, following the FHIRPath rules for collections. */
public final class PathEvaluator {

    private static final Set<String> QUANTITY_TYPES =
            Set.of("Quantity", "Age", "Count", "Distance", "Duration", "MoneyQuantity", "SimpleQuantity");

    private final FhirModel model;
    private final ElementType booleanType;
    private final ElementType stringType;
    private final ElementType decimalType;

    public PathEvaluator(FhirModel model) {
        this.model = model;
        this.booleanType = model.dataType("boolean");
        this.stringType = model.dataType("string");
        this.decimalType = model.dataType("decimal");
    }

    /** Evaluates the expression with the resource as its input. */
    public List<Item> evaluate(PathExpression expression, ObjectNode resource, ElementType resourceType) {
        List<Item> root = List.of(new Item(resource, resourceType));
        return evaluate(expression, root, root);
    }

    /** Evaluates the expression on an input collection; {@code root} is what {@code %resource} means. */
    public List<Item> evaluate(PathExpression expression, List<Item> input, List<Item> root) {
        return switch (expression) {
            case This t -> input;
            case PathExpression.Root r -> root;
            case TypeFilter f -> evaluate(f.source(), input, root).stream()
                    .filter(item -> isResourceOfType(item, f.typeName())).toList();
            case Member m -> members(evaluate(m.source(), input, root), m.name());
            case Index i -> {
                List<Item> items = evaluate(i.source(), input, root);
                yield i.index() < items.size() ? List.of(items.get(i.index())) : List.of();
            }
            case First f -> {
                List<Item> items = evaluate(f.source(), input, root);
                yield items.isEmpty() ? List.of() : List.of(items.getFirst());
            }
            case As a -> evaluate(a.source(), input, root).stream().filter(item -> isOfType(item, a.typeName())).toList();
            case Is i -> {
                List<Item> items = evaluate(i.source(), input, root);
                yield items.size() != 1 ? List.of() : bool(isOfType(items.getFirst(), i.typeName()));
            }
            case Where w -> evaluate(w.source(), input, root).stream()
                    .filter(item -> isTrue(evaluate(w.criteria(), List.of(item), root))).toList();
            case Resolve r -> resolve(evaluate(r.source(), input, root));
            case Exists e -> bool(!evaluate(e.source(), input, root).isEmpty());
            case Union u -> union(u, input, root);
            case Equality e -> equality(e, input, root);
            case And a -> and(a, input, root);
            case Literal l -> List.of(literal(l.value()));
        };
    }

    private List<Item> members(List<Item> items, String name) {
        List<Item> result = new ArrayList<>();
        for (Item item : items) {
            if (!(item.node() instanceof ObjectNode object) || item.type() == null) {
                continue;
            }
            for (Child child : item.type().childrenByElementName(name)) {
                JsonNode value = object.get(child.jsonName());
                if (value == null) {
                    continue;
                }
                if (value.isArray()) {
                    for (JsonNode element : value) {
                        add(result, element, child);
                    }
                } else {
                    add(result, value, child);
                }
            }
        }
        return result;
    }

    private void add(List<Item> result, JsonNode value, Child child) {
        if (value == null || value.isNull()) {
            return;
        }
        if (child.type().kind() == ElementType.Kind.ANY_RESOURCE) {
            ElementType actual = model.resourceType(value.path("resourceType").asText());
            if (actual != null) {
                result.add(new Item(value, actual));
            }
            return;
        }
        result.add(new Item(value, child));
    }

    private List<Item> resolve(List<Item> references) {
        List<Item> result = new ArrayList<>();
        for (Item item : references) {
            String type = ReferenceText.typeOf(item.node().path("reference").asText(null));
            if (type != null) {
                result.add(new Item(null, null, type, null));
            }
        }
        return result;
    }

    private List<Item> union(Union union, List<Item> input, List<Item> root) {
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Item> result = new ArrayList<>();
        for (PathExpression part : union.parts()) {
            for (Item item : evaluate(part, input, root)) {
                if (item.node() == null || seen.add(item.node())) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    private List<Item> equality(Equality equality, List<Item> input, List<Item> root) {
        List<Item> left = evaluate(equality.left(), input, root);
        List<Item> right = evaluate(equality.right(), input, root);
        if (left.size() != 1 || right.size() != 1) {
            return List.of();
        }
        JsonNode a = left.getFirst().node();
        JsonNode b = right.getFirst().node();
        boolean equal;
        if (a.isNumber() && b.isNumber()) {
            equal = a.decimalValue().compareTo(b.decimalValue()) == 0;
        } else {
            equal = a.isBoolean() == b.isBoolean() && a.asText().equals(b.asText());
        }
        return bool(equal != equality.negated());
    }

    private List<Item> and(And and, List<Item> input, List<Item> root) {
        Boolean left = singleBoolean(evaluate(and.left(), input, root));
        Boolean right = singleBoolean(evaluate(and.right(), input, root));
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return bool(false);
        }
        return left == null || right == null ? List.of() : bool(true);
    }

    private boolean isResourceOfType(Item item, String typeName) {
        if (item.type() == null || item.type().kind() != ElementType.Kind.RESOURCE) {
            return false;
        }
        return typeName.equals("Resource") || typeName.equals("DomainResource") || item.type().name().equals(typeName);
    }

    private static boolean isOfType(Item item, String typeName) {
        String actual = item.typeName();
        if (actual.equalsIgnoreCase(typeName)) {
            return true;
        }
        return typeName.equals("Quantity") && QUANTITY_TYPES.contains(actual);
    }

    private static boolean isTrue(List<Item> items) {
        return Boolean.TRUE.equals(singleBoolean(items));
    }

    /** FHIRPath singleton evaluation: a lone boolean is itself, any other lone item is true, else no answer. */
    private static Boolean singleBoolean(List<Item> items) {
        if (items.size() != 1) {
            return null;
        }
        JsonNode node = items.getFirst().node();
        return node != null && node.isBoolean() ? node.booleanValue() : Boolean.TRUE;
    }

    private List<Item> bool(boolean value) {
        return List.of(new Item(BooleanNode.valueOf(value), booleanType));
    }

    private Item literal(Object value) {
        return switch (value) {
            case Boolean b -> new Item(BooleanNode.valueOf(b), booleanType);
            case BigDecimal d -> new Item(DecimalNode.valueOf(d), decimalType);
            default -> new Item(TextNode.valueOf(value.toString()), stringType);
        };
    }
}
