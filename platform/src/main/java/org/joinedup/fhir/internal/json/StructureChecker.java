package org.joinedup.fhir.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.internal.model.Child;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.model.Primitive;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.shared.NhsNumber;

/**
 * Checks resource JSON against the R4 structure: known elements only, arrays where elements repeat,
 * primitives of the right JSON kind and lexical form, no empty values, required elements present, one
 * type per choice; and the store's business rules (an NHS number must pass its check digit). Structural
 * problems answer 400, rule violations 422, each issue naming the element.
 */
public final class StructureChecker {

    private static final int MAX_ISSUES = 50;
    private final FhirModel model;

    public StructureChecker(FhirModel model) {
        this.model = model;
    }

    /** What a check found: the resource's type and every literal reference it makes. */
    public record Checked(ElementType type, List<String> references) {
    }

    /** Checks a resource; throws a {@link FhirException} listing every problem found. */
    public Checked check(ObjectNode resource) {
        Walk walk = new Walk();
        ElementType type = walk.resource(resource, null);
        if (!walk.structure.isEmpty()) {
            throw new FhirException(400, walk.structure);
        }
        if (!walk.rules.isEmpty()) {
            throw new FhirException(422, walk.rules);
        }
        return new Checked(type, walk.references);
    }

    /** The resource type named by {@code resourceType}, or a 400 if it is missing or unknown. */
    public ElementType resourceTypeOf(ObjectNode resource) {
        JsonNode name = resource.get("resourceType");
        if (name == null || !name.isTextual()) {
            throw new FhirException(400, Issue.error("structure", "The resource has no resourceType"));
        }
        ElementType type = model.resourceType(name.textValue());
        if (type == null) {
            throw new FhirException(400, Issue.error("not-supported", "Unknown resource type '" + name.textValue() + "'"));
        }
        return type;
    }

    private final class Walk {
        final List<Issue> structure = new ArrayList<>();
        final List<Issue> rules = new ArrayList<>();
        final List<String> references = new ArrayList<>();
        /** Above zero while inside a resource nested in a Bundle or Parameters, whose references are its own business. */
        int nested;

        void problem(ElementPath path, String message) {
            if (structure.size() < MAX_ISSUES) {
                structure.add(Issue.error("structure", message + " at " + path, path.toString()));
            }
        }

        ElementType resource(ObjectNode object, ElementPath containerPath) {
            JsonNode name = object.get("resourceType");
            if (name == null || !name.isTextual()) {
                ElementPath at = containerPath == null ? ElementPath.root("Resource") : containerPath;
                problem(at, "The resource has no resourceType");
                return null;
            }
            ElementType type = model.resourceType(name.textValue());
            if (type == null) {
                if (containerPath == null) {
                    throw new FhirException(400, Issue.error("not-supported", "Unknown resource type '" + name.textValue() + "'"));
                }
                problem(containerPath, "Unknown resource type '" + name.textValue() + "'");
                return null;
            }
            ElementPath path = containerPath == null ? ElementPath.root(type.name()) : containerPath;
            complex(object, type, path, true);
            return type;
        }

        void complex(ObjectNode object, ElementType type, ElementPath path, boolean isResource) {
            if (object.isEmpty()) {
                problem(path, "An element must have a value or children; found an empty object");
                return;
            }
            String choiceSeen = null;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (isResource && key.equals("resourceType")) {
                    continue;
                }
                if (key.startsWith("_")) {
                    primitiveExtension(type, key, value, path);
                    continue;
                }
                Child child = type.childByJsonName(key);
                if (child == null) {
                    problem(path.child(key), "Unknown element '" + key + "' in " + type.name());
                    continue;
                }
                if (child.choice()) {
                    if (choiceSeen != null && isSameChoice(type, choiceSeen, child)) {
                        problem(path.child(key), "Only one type of " + child.elementName() + "[x] is allowed; found " + choiceSeen + " too");
                    }
                    choiceSeen = key;
                }
                value(child, value, path.child(key), object.has("_" + key));
            }
            required(object, type, path);
        }

        private boolean isSameChoice(ElementType type, String otherKey, Child child) {
            Child other = type.childByJsonName(otherKey);
            return other != null && other.elementName().equals(child.elementName());
        }

        void required(ObjectNode object, ElementType type, ElementPath path) {
            for (List<Child> element : type.elements()) {
                Child first = element.getFirst();
                if (first.min() < 1) {
                    continue;
                }
                boolean present = false;
                for (Child child : element) {
                    if (object.has(child.jsonName()) || object.has("_" + child.jsonName())) {
                        present = true;
                        break;
                    }
                }
                if (!present) {
                    String name = first.choice() ? first.elementName() + "[x]" : first.elementName();
                    problem(path.child(name), "The required element '" + name + "' is missing in " + type.name());
                }
            }
        }

        void value(Child child, JsonNode value, ElementPath path, boolean hasExtension) {
            if (child.repeating()) {
                if (!(value instanceof ArrayNode array)) {
                    problem(path, "'" + child.jsonName() + "' repeats, so its value must be an array");
                    return;
                }
                if (array.isEmpty()) {
                    problem(path, "An array must not be empty");
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = array.get(i);
                    if (item.isNull()) {
                        if (!hasExtension || !child.type().isPrimitive()) {
                            problem(path.item(i), "An array item must not be null");
                        }
                        continue;
                    }
                    single(child.type(), item, path.item(i));
                    requiredCode(child, item, path.item(i));
                }
            } else {
                if (value.isArray()) {
                    problem(path, "'" + child.jsonName() + "' does not repeat, so its value must not be an array");
                    return;
                }
                if (value.isNull()) {
                    problem(path, "A value must not be null");
                    return;
                }
                single(child.type(), value, path);
                requiredCode(child, value, path);
            }
        }

        /** A code bound to a FHIR value set with required strength must be one of its codes. */
        void requiredCode(Child child, JsonNode value, ElementPath path) {
            if (!child.codeSystems().isEmpty() && value.isTextual() && !child.codeSystems().containsKey(value.textValue())) {
                problem(path, "'" + abbreviate(value.textValue()) + "' is not one of the codes allowed for " + child.elementName()
                        + " (" + String.join(", ", new java.util.TreeSet<>(child.codeSystems().keySet())) + ")");
            }
        }

        void single(ElementType type, JsonNode value, ElementPath path) {
            switch (type.kind()) {
                case PRIMITIVE -> primitive(type.primitive(), value, path);
                case COMPLEX -> {
                    if (value instanceof ObjectNode object) {
                        complex(object, type, path, false);
                        rules(type, object, path);
                    } else {
                        problem(path, "Expected an object (" + type.name() + ")");
                    }
                }
                case ANY_RESOURCE -> {
                    if (value instanceof ObjectNode object) {
                        boolean contained = path.name().equals("contained");
                        nested += contained ? 0 : 1;
                        resource(object, path);
                        nested -= contained ? 0 : 1;
                    } else {
                        problem(path, "Expected a resource object");
                    }
                }
                case RESOURCE -> problem(path, "Unexpected resource");
            }
        }

        void primitive(Primitive primitive, JsonNode value, ElementPath path) {
            String text;
            switch (primitive.jsonKind()) {
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        problem(path, "Expected a JSON boolean (true or false) for " + primitive.fhirName());
                    }
                    return;
                }
                case INTEGER -> {
                    if (!value.isIntegralNumber()) {
                        problem(path, "Expected a JSON integer for " + primitive.fhirName());
                        return;
                    }
                    text = value.asText();
                }
                case NUMBER -> {
                    if (!value.isNumber()) {
                        problem(path, "Expected a JSON number for " + primitive.fhirName());
                        return;
                    }
                    return;
                }
                default -> {
                    if (!value.isTextual()) {
                        problem(path, "Expected a JSON string for " + primitive.fhirName());
                        return;
                    }
                    text = value.textValue();
                    if (text.isEmpty()) {
                        problem(path, "A string must not be empty");
                        return;
                    }
                }
            }
            if (!primitive.accepts(text)) {
                problem(path, "'" + abbreviate(text) + "' is not a valid " + primitive.fhirName());
            }
        }

        void primitiveExtension(ElementType type, String key, JsonNode value, ElementPath path) {
            Child child = type.childByJsonName(key.substring(1));
            if (child == null || !child.type().isPrimitive()) {
                problem(path.child(key), "Unknown element '" + key + "' in " + type.name());
                return;
            }
            ElementType element = model.element();
            if (child.repeating() && value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof ObjectNode object) {
                        complex(object, element, path.child(key).item(i), false);
                    } else if (!array.get(i).isNull()) {
                        problem(path.child(key).item(i), "Expected an object or null");
                    }
                }
            } else if (value instanceof ObjectNode object) {
                complex(object, element, path.child(key), false);
            } else {
                problem(path.child(key), "Expected an object with id or extension");
            }
        }

        void rules(ElementType type, ObjectNode object, ElementPath path) {
            if (type.name().equals("Reference") && nested == 0) {
                JsonNode reference = object.get("reference");
                if (reference != null && reference.isTextual()) {
                    references.add(reference.textValue());
                }
            }
            if (type.name().equals("Identifier")) {
                JsonNode system = object.get("system");
                JsonNode value = object.get("value");
                if (system != null && NhsNumber.SYSTEM.equals(system.asText()) && value != null && value.isTextual()
                        && !NhsNumber.isValid(value.textValue())) {
                    rules.add(Issue.error("value", "The NHS number '" + value.textValue()
                            + "' is not valid: it must be ten digits whose last is the modulus-11 check digit",
                            path.child("value").toString()));
                }
            }
        }

        private String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
