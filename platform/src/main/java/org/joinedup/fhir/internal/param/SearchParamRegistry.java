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
 * (shipped by HAPI), compiled once per resource type, with the {@link IndexKey}s that hold their values.
 * Search and indexing are both driven from here.
 */
public final class SearchParamRegistry {

    static final String DEFINITIONS = "org/hl7/fhir/r4/model/sp/search-parameters.json";
    private static final Set<String> NOT_INDEXED = Set.of("_id", "_lastUpdated", "_query", "_content", "_text");

    private final FhirModel model;
    private final Map<String, Map<String, SearchParam>> byType = new HashMap<>();
    private final Map<String, List<IndexKey>> keysByType = new HashMap<>();
    private final Map<Integer, String> idsInUse = new HashMap<>();

    /** A parameter as read, before its index keys are known. */
    private record Draft(String code, ParamType type, PathExpression expression, String expressionText, Set<String> targets,
                         boolean patientCompartment, List<SearchParam.Component> components, String url, String description) {
    }

    public SearchParamRegistry(FhirModel model) {
        this.model = model;
        PathParser parser = new PathParser(name -> model.resourceType(name) != null
                || name.equals("Resource") || name.equals("DomainResource"));
        List<JsonNode> definitions = readDefinitions();
        Map<String, JsonNode> byUrl = new HashMap<>();
        definitions.forEach(d -> byUrl.put(d.path("url").asText(), d));
        Map<String, List<Draft>> drafts = new LinkedHashMap<>();
        for (String type : model.resourceTypeNames()) {
            drafts.put(type, new ArrayList<>());
        }
        for (JsonNode definition : definitions) {
            draft(definition, byUrl, parser, drafts);
        }
        drafts.forEach(this::build);
    }

    private void draft(JsonNode definition, Map<String, JsonNode> byUrl, PathParser parser, Map<String, List<Draft>> drafts) {
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
            drafts.get(resourceType).add(new Draft(code, type, narrowed, expressionText, targets(definition, resourceType, code),
                    providesPatientCompartment(resourceType, code), components(definition, byUrl, parser),
                    definition.path("url").asText(), definition.path("description").asText()));
        }
    }

    /** Builds a type's index keys (one per distinct branch and type) and then its parameters. */
    private void build(String resourceType, List<Draft> drafts) {
        Map<String, IndexKey> keys = new LinkedHashMap<>();
        Map<String, List<String>> keyNamesByCode = new HashMap<>();
        Map<String, Set<String>> resolveTypesByCode = new HashMap<>();
        for (Draft draft : drafts) {
            if (draft.expression() == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Set<String> resolveTypes = new LinkedHashSet<>();
            boolean unrestricted = false;
            for (PathExpression branch : PathNarrowing.branches(draft.expression())) {
                String restriction = draft.type() == ParamType.REFERENCE ? PathNarrowing.resolveType(branch) : null;
                PathExpression base = restriction != null ? PathNarrowing.withoutTypeFilter(branch) : branch;
                if (restriction != null) {
                    resolveTypes.add(restriction);
                } else {
                    unrestricted = true;
                }
                String name = draft.type() + ":" + base + (draft.components().isEmpty() ? "" : ":" + draft.components());
                IndexKey key = keys.computeIfAbsent(name, n -> new IndexKey(ParamIds.of(resourceType, "key:" + n),
                        resourceType, draft.type(), base, false, draft.components()));
                if (draft.patientCompartment() && !key.patientCompartment()) {
                    keys.put(name, key.withPatientCompartment());
                }
                names.add(name);
            }
            keyNamesByCode.put(draft.code(), names);
            resolveTypesByCode.put(draft.code(), unrestricted ? null : resolveTypes);
        }
        keys.forEach((name, key) -> {
            reserve(key.id(), resourceType + " " + name);
            reserve(key.variant("identifier"), resourceType + " " + name + " identifier");
            reserve(key.variant("of-type"), resourceType + " " + name + " of-type");
        });
        keysByType.put(resourceType, List.copyOf(keys.values()));
        Map<String, SearchParam> params = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            List<IndexKey> paramKeys = keyNamesByCode.getOrDefault(draft.code(), List.of()).stream().map(keys::get).toList();
            params.put(draft.code(), new SearchParam(resourceType, draft.code(), draft.type(), draft.expression(),
                    draft.expressionText(), draft.targets(), paramKeys, resolveTypesByCode.get(draft.code()),
                    draft.components(), draft.url(), draft.description()));
        }
        byType.put(resourceType, params);
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

    private void reserve(int id, String name) {
        String previous = idsInUse.putIfAbsent(id, name);
        if (previous != null && !previous.equals(name)) {
            throw new IllegalStateException("Search index keys collide: " + previous + " and " + name);
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

    /** Whether every resource a Patient reference in this parameter finds is in that patient's compartment. */
    public boolean impliesPatientCompartment(SearchParam param) {
        return param.type() == ParamType.REFERENCE && param.allKeysInPatientCompartment();
    }

    public boolean isResourceType(String name) {
        return model.resourceType(name) != null;
    }

    /** The parameter for a type and code, or null when the type has no such parameter. */
    public SearchParam find(String resourceType, String code) {
        Map<String, SearchParam> params = byType.get(resourceType);
        return params == null ? null : params.get(code);
    }

    /** The parameters of a type, in definition order. */
    public Collection<SearchParam> forType(String resourceType) {
        return byType.getOrDefault(resourceType, Map.of()).values();
    }

    /** The index keys whose values are written for a resource of this type. */
    public List<IndexKey> keysFor(String resourceType) {
        return keysByType.getOrDefault(resourceType, List.of());
    }
}
