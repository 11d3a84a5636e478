package org.joinedup.fhir.internal.path;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.joinedup.fhir.internal.TestData;
import org.joinedup.fhir.internal.model.ElementType;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.junit.jupiter.api.Test;

/**
 * The store evaluates search parameter expressions with its own FHIRPath subset over JSON, for speed.
 * This test evaluates every search parameter of every resource in the UK Core examples and four Synthea
 * patients with both that evaluator and HAPI's complete FHIRPath engine, and requires the same values.
 */
class SearchExtractionAgreesWithHapiTest {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final FhirModel MODEL = new FhirModel(CONTEXT);
    static final SearchParamRegistry REGISTRY = new SearchParamRegistry(MODEL);
    static final PathEvaluator EVALUATOR = new PathEvaluator(MODEL);
    /** Parameters left out of the comparison, and why. */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "Bundle.composition", "HAPI's parser gives an entry's resource its fullUrl as id; the stored JSON has no such id",
            "Bundle.message", "as Bundle.composition");

    /** The stand-ins HAPI's resolve() returns here: only their type matters, as for the store's resolve(). */
    static final java.util.Set<IBase> RESOLVED = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @Test
    void everyExpressionOfEveryR4SearchParameterCompiles() {
        for (String type : MODEL.resourceTypeNames()) {
            for (SearchParam param : REGISTRY.forType(type)) {
                boolean column = param.code().equals("_id") || param.code().equals("_lastUpdated");
                assertThat(param.expression() != null).as(type + "." + param.code()).isEqualTo(!column);
            }
        }
    }

    @Test
    void valuesAgreeWithHapiFhirPathOnUkCoreAndSyntheaResources() {
        IFhirPath hapi = CONTEXT.newFhirPath();
        hapi.setEvaluationContext(new IFhirPathEvaluationContext() {
            @Override
            public IBase resolveReference(IIdType id, IBase context) {
                if (id == null || id.getResourceType() == null) {
                    return null;
                }
                IBaseResource resource = CONTEXT.getResourceDefinition(id.getResourceType()).newInstance();
                resource.setId(id);
                RESOLVED.add(resource);
                return resource;
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        TestData.ukCoreExamples().forEach(e -> resources.add(e.resource()));
        resources.addAll(TestData.syntheaResources(4));
        Map<String, String> disagreements = new TreeMap<>();
        int compared = 0;
        for (ObjectNode resource : resources) {
            String typeName = resource.path("resourceType").asText();
            ElementType type = MODEL.resourceType(typeName);
            IBaseResource parsed = CONTEXT.newJsonParser().parseResource(resource.toString());
            for (SearchParam param : REGISTRY.forType(typeName).stream().filter(p -> p.expression() != null).toList()) {
                if (param.type() == ParamType.COMPOSITE || KNOWN_DIFFERENCES.containsKey(typeName + "." + param.code())) {
                    continue;
                }
                TreeSet<String> ours = new TreeSet<>();
                EVALUATOR.evaluate(param.expression(), resource, type).forEach(item -> ours.add(signature(item)));
                TreeSet<String> theirs = new TreeSet<>();
                for (String branch : branches(param.expressionText())) {
                    hapi.evaluate(parsed, branch, IBase.class).stream()
                            .filter(base -> !(base instanceof IPrimitiveType<?> p && !p.hasValue()))
                            .forEach(base -> theirs.add(signature(hapi, base)));
                }
                compared++;
                if (!ours.equals(theirs)) {
                    disagreements.putIfAbsent(typeName + "." + param.code(), "ours " + ours + " HAPI " + theirs);
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(disagreements).isEmpty();
    }

    /**
     * The top-level branches of a union, evaluated one by one: HAPI's union compares quantities with a UCUM
     * service it does not have here, and this test compares sets anyway.
     */
    private static List<String> branches(String expression) {
        List<String> branches = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(expression.substring(start, i).trim());
                start = i + 1;
            }
        }
        branches.add(expression.substring(start).trim());
        return branches;
    }

    /** A value's type and the sorted primitive values beneath it. */
    private static String signature(Item item) {
        if (item.node() == null) {
            return item.resolvedType();
        }
        TreeSet<String> primitives = new TreeSet<>();
        collect(item.node(), primitives);
        return normalType(item.typeName()) + primitives;
    }

    private static void collect(JsonNode node, TreeSet<String> primitives) {
        if (node.isValueNode()) {
            primitives.add(node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText());
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                if (!e.getKey().equals("div") && !e.getKey().equals("resourceType")) {
                    collect(e.getValue(), primitives);
                }
            });
        } else {
            node.forEach(child -> collect(child, primitives));
        }
    }

    private static String signature(IFhirPath hapi, IBase base) {
        if (RESOLVED.contains(base)) {
            return CONTEXT.getResourceType((IBaseResource) base);
        }
        TreeSet<String> primitives = new TreeSet<>();
        if (base instanceof IPrimitiveType<?> primitive) {
            primitives.add(text(primitive));
        } else {
            for (IBase descendant : hapi.evaluate(base, "descendants()", IBase.class)) {
                if (descendant instanceof IPrimitiveType<?> primitive && primitive.hasValue()
                        && !(descendant instanceof org.hl7.fhir.r4.model.Element e && "div".equals(e.getIdBase()))
                        && !descendant.fhirType().equals("xhtml")) {
                    primitives.add(text(primitive));
                }
            }
        }
        return normalType(base.fhirType()) + primitives;
    }

    private static String text(IPrimitiveType<?> primitive) {
        Object value = primitive.getValue();
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        return Optional.ofNullable(primitive.getValueAsString()).orElse("");
    }

    private static String normalType(String type) {
        return type.toLowerCase(java.util.Locale.ROOT);
    }
}
