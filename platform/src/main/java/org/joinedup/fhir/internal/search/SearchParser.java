package org.joinedup.fhir.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.param.ParamType;
import org.joinedup.fhir.internal.param.SearchParam;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.rest.QueryParams;

/**
 * Reads a search's query parameters into a {@link SearchSpec}. An unknown parameter or modifier is a 400
 * with an OperationOutcome, unless the client asked for lenient handling ({@code Prefer: handling=lenient}).
 */
public final class SearchParser {

    /** Parameters that shape the result rather than select it. */
    public static final Set<String> RESULT_PARAMETERS = Set.of("_sort", "_count", "_include", "_revinclude", "_total",
            "_summary", "_elements", "_format", "_pretty", "_page", "_contained", "_containedType");

    private static final Map<ParamType, Set<String>> MODIFIERS = Map.of(
            ParamType.STRING, Set.of("exact", "contains"),
            ParamType.TOKEN, Set.of("not", "text", "of-type"),
            ParamType.URI, Set.of("below", "above"),
            ParamType.REFERENCE, Set.of("identifier"),
            ParamType.DATE, Set.of(), ParamType.NUMBER, Set.of(), ParamType.QUANTITY, Set.of(),
            ParamType.COMPOSITE, Set.of(), ParamType.SPECIAL, Set.of());

    private final SearchParamRegistry registry;
    private final int defaultCount;
    private final int maxCount;

    public SearchParser(SearchParamRegistry registry, int defaultCount, int maxCount) {
        this.registry = registry;
        this.defaultCount = defaultCount;
        this.maxCount = maxCount;
    }

    public SearchSpec parse(String type, QueryParams query, boolean lenient) {
        List<Criterion> criteria = new ArrayList<>();
        for (Map.Entry<String, String> entry : query.entries()) {
            String name = entry.getKey();
            if (isResultParameter(name)) {
                continue;
            }
            try {
                criteria.add(criterion(type, name, entry.getValue()));
            } catch (UnknownParameter e) {
                if (!lenient) {
                    throw FhirException.badRequest(e.getMessage());
                }
            }
        }
        String summary = query.first("_summary");
        String cursor = query.first("_page");
        return new SearchSpec(type, List.copyOf(criteria), SortParser.parse(registry, type, query.all("_sort")),
                query.count(defaultCount, maxCount), IncludeParser.parse(registry, type, query), total(query.first("_total")),
                "count".equals(summary), cursor == null ? null : PageCursor.decode(cursor));
    }

    /** Whether a parameter shapes the result ({@code _include:iterate} included) rather than selecting it. */
    public static boolean isResultParameter(String name) {
        int colon = name.indexOf(':');
        return RESULT_PARAMETERS.contains(colon < 0 ? name : name.substring(0, colon));
    }

    /** One parameter of a query, possibly chained or reverse-chained. */
    Criterion criterion(String type, String name, String value) {
        if (name.startsWith("_has:")) {
            return has(type, name, value);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            return chain(type, name.substring(0, dot), name.substring(dot + 1), value);
        }
        int colon = name.indexOf(':');
        String code = colon < 0 ? name : name.substring(0, colon);
        String modifier = colon < 0 ? null : name.substring(colon + 1);
        if (code.equals("_id")) {
            requireModifier(modifier == null || modifier.equals("not"), name);
            return new Criterion.Ids(Escaping.split(value, ',').stream().map(Escaping::unescape).toList(), "not".equals(modifier));
        }
        if (code.equals("_content") || code.equals("_text")) {
            requireModifier(modifier == null, name);
            List<String> values = Escaping.split(value, ',').stream().map(Escaping::unescape).toList();
            if (org.joinedup.fhir.internal.index.TextVectors.query(values) == null) {
                throw FhirException.badRequest("'" + code + "' needs at least one word to search for");
            }
            return new Criterion.Text(code.equals("_text"), values);
        }
        if (code.equals("_compartment")) {
            requireModifier(modifier == null, name);
            return compartment(Escaping.split(value, ',').stream().map(Escaping::unescape).toList());
        }
        if (code.equals("_lastUpdated")) {
            requireModifier(modifier == null, name);
            return new Criterion.LastUpdated(Escaping.split(value, ','));
        }
        SearchParam param = registry.find(type, code);
        if (param == null || param.expression() == null) {
            throw new UnknownParameter("Unknown search parameter '" + code + "' for " + type);
        }
        if ("missing".equals(modifier)) {
            return new Criterion.Missing(param, Boolean.parseBoolean(value));
        }
        if (modifier != null && !MODIFIERS.get(param.type()).contains(modifier)
                && !(param.type() == ParamType.REFERENCE && registry.isResourceType(modifier))) {
            throw new UnknownParameter("The modifier ':" + modifier + "' is not supported for the " + param.type().code()
                    + " parameter '" + code + "'");
        }
        return new Criterion.Values(param, modifier, Escaping.split(value, ','));
    }

    /** {@code Patient} alone: any patient's compartment; else the compartments of the patients named. */
    private static Criterion compartment(List<String> values) {
        if (values.equals(List.of("Patient"))) {
            return new Criterion.Compartment(List.of());
        }
        List<String> patients = new ArrayList<>();
        for (String value : values) {
            if (!value.startsWith("Patient/") || value.length() == "Patient/".length() || value.indexOf('/', 8) >= 0) {
                throw FhirException.badRequest("_compartment takes Patient, or references to patients (Patient/id), not '" + value + "'");
            }
            patients.add(value.substring("Patient/".length()));
        }
        return new Criterion.Compartment(List.copyOf(patients));
    }

    private Criterion chain(String type, String head, String rest, String value) {
        int colon = head.indexOf(':');
        String code = colon < 0 ? head : head.substring(0, colon);
        String targetType = colon < 0 ? null : head.substring(colon + 1);
        SearchParam reference = registry.find(type, code);
        if (reference == null || reference.type() != ParamType.REFERENCE) {
            throw new UnknownParameter("Cannot chain through '" + code + "': it is not a reference parameter of " + type);
        }
        List<String> targets = targetType != null ? List.of(targetType) : List.copyOf(reference.targets());
        List<Criterion> alternatives = new ArrayList<>();
        for (String target : targets) {
            try {
                alternatives.add(new Criterion.Chain(reference, target, criterion(target, rest, value)));
            } catch (UnknownParameter e) {
                if (targetType != null || targets.size() == 1) {
                    throw e;
                }
            }
        }
        if (alternatives.isEmpty()) {
            throw new UnknownParameter("No type that '" + code + "' refers to has a search parameter '" + rest + "'");
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new Criterion.AnyOf(List.copyOf(alternatives));
    }

    private Criterion has(String type, String name, String value) {
        String[] parts = name.split(":", 4);
        if (parts.length < 4) {
            throw new UnknownParameter("'" + name + "' is not a valid _has parameter: use _has:Type:reference:parameter");
        }
        String sourceType = parts[1];
        SearchParam reference = registry.find(sourceType, parts[2]);
        if (reference == null || reference.type() != ParamType.REFERENCE) {
            throw new UnknownParameter("'" + parts[2] + "' is not a reference parameter of " + sourceType);
        }
        if (!reference.targets().isEmpty() && !reference.targets().contains(type)) {
            throw new UnknownParameter(sourceType + "." + parts[2] + " cannot refer to a " + type);
        }
        return new Criterion.Has(sourceType, reference, criterion(sourceType, parts[3], value));
    }

    private static boolean total(String text) {
        if (text == null || text.equals("none") || text.equals("estimate")) {
            return false;
        }
        if (text.equals("accurate")) {
            return true;
        }
        throw FhirException.badRequest("_total must be none, estimate or accurate, not '" + text + "'");
    }

    private static void requireModifier(boolean ok, String name) {
        if (!ok) {
            throw new UnknownParameter("The modifier in '" + name + "' is not supported");
        }
    }

    /** A parameter or modifier the server does not know. */
    static final class UnknownParameter extends RuntimeException {
        UnknownParameter(String message) {
            super(message);
        }
    }
}
