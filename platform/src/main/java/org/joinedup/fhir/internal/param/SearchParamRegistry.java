package org.joinedup.fhir.internal.param;

import ca.uhn.fhir.context.RuntimeSearchParam;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.path.PathExpression;
import org.joinedup.fhir.internal.path.PathParser;

/**
 * Every search parameter FHIR R4 defines, read from the specification's {@code search-parameters.json}
 * (shipped by HAPI), compiled once per resource type. Search and indexing are both driven from here.
 */
public final class SearchParamRegistry {

    static final String DEFINITIONS = "org/hl7/fhir/r4/model/sp/search-parameters.json";
    private static final Set<String> NOT_INDEXED = Set.of("_id", "_lastUpdated", "_query", "_content", "_text");

    private final FhirModel model;
    private final Map<String, Map<String, SearchParam>> byType = new HashMap<>();
    private final Map<Integer, String> idsInUse = new HashMap<>();
    private final Set<Integer> compartmentImplying = new java.util.HashSet<>();

    public SearchParamRegistry(FhirModel model) {
        this.model = model;
        PathParser parser = new PathParser(name -> model.resourceType(name) != null
                || name.equals("Resource") || name.equals("DomainResource"));
        List<JsonNode> definitions = readDefinitions();
        Map<String, JsonNode> byUrl = new HashMap<>();
        definitions.forEach(d -> byUrl.put(d.path("url").asText(), d));
        for (String type : model.resourceTypeNames()) {
            byType.put(type, new LinkedHashMap<>());
        }
        for (JsonNode definition : definitions) {
            register(definition, byUrl, parser);
        }
        byType.values().forEach(params -> params.values().forEach(this::reserveVariants));
        byType.forEach((type, params) -> findCompartmentImplying(params.values()));
    }

    /**
     * A reference parameter implies Patient compartment membership when it places resources in the
     * compartment itself, or when its path (ignoring a type filter) is one of the paths of a parameter that
     * does: {@code Observation.patient} is {@code Observation.subject} restricted to Patients.
     */
    private void findCompartmentImplying(Collection<SearchParam> params) {
        Set<PathExpression> compartmentPaths = new java.util.HashSet<>();
        for (SearchParam param : params) {
            if (param.patientCompartment() && param.expression() != null) {
                compartmentImplying.add(param.id());
                compartmentPaths.addAll(PathNarrowing.branches(param.expression()));
            }
        }
        for (SearchParam param : params) {
            if (param.type() == ParamType.REFERENCE && param.expression() != null
                    && compartmentPaths.containsAll(PathNarrowing.branches(PathNarrowing.withoutTypeFilter(param.expression())))) {
                compartmentImplying.add(param.id());
            }
        }
    }

    /** Whether every resource a Patient reference in this parameter finds is in that patient's compartment. */
    public boolean impliesPatientCompartment(SearchParam param) {
        return compartmentImplying.contains(param.id());
    }

    private void register(JsonNode definition, Map<String, JsonNode> byUrl, PathParser parser) {
        String code = definition.path("code").asText();
        ParamType type = ParamType.of(definition.path("type").asText());
        String expressionText = definition.path("expression").asText(null);
        if (type == ParamType.SPECIAL || expressionText == null || code.equals("_query")) {
            return;
        }
        PathExpression parsed = parser.parse(expressionText);
        for (String resourceType : baseTypes(definition)) {
            PathExpression narrowed = NOT_INDEXED.contains(code) ? null : PathNarrowing.narrow(parsed, resourceType);
            if (narrowed == null && !NOT_INDEXED.contains(code)) {
                continue;
            }
            List<SearchParam.Component> components = components(definition, byUrl, parser);
            SearchParam param = new SearchParam(ParamIds.of(resourceType, code), resourceType, code, type, narrowed,
                    expressionText, targets(definition, resourceType, code), providesPatientCompartment(resourceType, code),
                    components, definition.path("url").asText(), definition.path("description").asText());
            reserve(param.id(), resourceType + "." + code);
            byType.get(resourceType).put(code, param);
        }
    }

    private List<String> baseTypes(JsonNode definition) {
        List<String> types = new ArrayList<>();
        for (JsonNode base : definition.path("base")) {
            String name = base.asText();
            if (name.equals("Resource")) {
                types.addAll(model.resourceTypeNames());
            } else if (name.equals("DomainResource")) {
                model.resourceTypeNames().stream()
                        .filter(t -> !Set.of("Bundle", "Binary", "Parameters").contains(t))
                        .forEach(types::add);
            } else if (model.resourceType(name) != null) {
                types.add(name);
            }
        }
        return types;
    }

    /**
     * The types a reference parameter can point to on this resource type: HAPI's per-type definition where it
     * has one (Observation.patient: Patient), else the shared definition's list (which for the shared
     * {@code patient} parameter also names Group).
     */
    private Set<String> targets(JsonNode definition, String resourceType, String code) {
        RuntimeSearchParam hapi = model.context().getResourceDefinition(resourceType).getSearchParam(code);
        if (hapi != null && hapi.getTargets() != null && !hapi.getTargets().isEmpty()) {
            return Set.copyOf(hapi.getTargets());
        }
        Set<String> targets = new LinkedHashSet<>();
        definition.path("target").forEach(t -> targets.add(t.asText()));
        return Set.copyOf(targets);
    }

    private static List<SearchParam.Component> components(JsonNode definition, Map<String, JsonNode> byUrl, PathParser parser) {
        List<SearchParam.Component> components = new ArrayList<>();
        for (JsonNode component : definition.path("component")) {
            JsonNode target = byUrl.get(component.path("definition").asText());
            if (target == null) {
                throw new IllegalStateException("Composite " + definition.path("url").asText()
                        + " refers to an unknown parameter " + component.path("definition").asText());
            }
            String expression = component.path("expression").asText();
            components.add(new SearchParam.Component(ParamType.of(target.path("type").asText()),
                    parser.parse(expression), expression));
        }
        return List.copyOf(components);
    }

    private boolean providesPatientCompartment(String resourceType, String code) {
        RuntimeSearchParam hapi = model.context().getResourceDefinition(resourceType).getSearchParam(code);
        return hapi != null && hapi.getProvidesMembershipInCompartments() != null
                && hapi.getProvidesMembershipInCompartments().contains("Patient");
    }

    private void reserveVariants(SearchParam param) {
        if (param.type() == ParamType.REFERENCE) {
            reserve(param.variantId("identifier"), param.resourceType() + "." + param.code() + ":identifier");
        }
        if (param.type() == ParamType.TOKEN) {
            reserve(param.variantId("of-type"), param.resourceType() + "." + param.code() + ":of-type");
        }
    }

    private void reserve(int id, String name) {
        String previous = idsInUse.putIfAbsent(id, name);
        if (previous != null && !previous.equals(name)) {
            throw new IllegalStateException("Search parameter keys collide: " + previous + " and " + name);
        }
    }

    private static List<JsonNode> readDefinitions() {
        try (InputStream in = SearchParamRegistry.class.getClassLoader().getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IllegalStateException("The FHIR R4 search parameter definitions are missing: " + DEFINITIONS);
            }
            JsonNode bundle = FhirJson.mapper().readTree(in);
            List<JsonNode> definitions = new ArrayList<>();
            bundle.path("entry").forEach(entry -> definitions.add(entry.path("resource")));
            return definitions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parameter for a type and code, or null when the type has no such parameter. */
    public SearchParam find(String resourceType, String code) {
        Map<String, SearchParam> params = byType.get(resourceType);
        return params == null ? null : params.get(code);
    }

    public boolean isResourceType(String name) {
        return model.resourceType(name) != null;
    }

    /** The parameters of a type, in definition order. */
    public Collection<SearchParam> forType(String resourceType) {
        return byType.getOrDefault(resourceType, Map.of()).values();
    }

    /** The parameters whose values are written to the index tables for this type. */
    public List<SearchParam> indexedFor(String resourceType) {
        return forType(resourceType).stream().filter(p -> p.expression() != null).toList();
    }
}
