package org.joinedup.fhir.internal.search;

import java.util.List;
import org.joinedup.fhir.internal.param.SearchParam;

/** One AND-ed condition of a search; each holds the OR-ed values of one parameter. */
public sealed interface Criterion {

    /** {@code code=a,b}, {@code name:exact=x}: a parameter with an optional modifier and OR-ed values. */
    record Values(SearchParam param, String modifier, List<String> values) implements Criterion {
    }

    /** {@code param:missing=true|false}. */
    record Missing(SearchParam param, boolean missing) implements Criterion {
    }

    /** {@code _id=a,b}. */
    record Ids(List<String> ids, boolean negated) implements Criterion {
    }

    /** {@code _content=heart failure} (any text of the resource) or {@code _text=...} (its narrative only). */
    record Text(boolean narrative, List<String> values) implements Criterion {
    }

    /**
     * {@code _compartment=Patient} (in some patient's compartment) or {@code _compartment=Patient/a,Patient/b} (in
     * the compartment of one of these): the platform's own parameter, for bulk export at Patient and Group level.
     */
    record Compartment(List<String> patients) implements Criterion {
    }

    /** {@code _lastUpdated=ge2024}. */
    record LastUpdated(List<String> values) implements Criterion {
    }

    /** {@code subject:Patient.name=x}: resources whose reference points at a targetType matching the inner criterion. */
    record Chain(SearchParam reference, String targetType, Criterion inner) implements Criterion {
    }

    /** {@code _has:Observation:patient:code=x}: resources referred to by a sourceType matching the inner criterion. */
    record Has(String sourceType, SearchParam reference, Criterion inner) implements Criterion {
    }

    /** Any of several criteria (a chain through a reference that may target several types). */
    record AnyOf(List<Criterion> alternatives) implements Criterion {
    }
}
