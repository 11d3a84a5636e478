package org.joinedup.fhir.internal.path;

import java.util.List;

/**
 * A compiled FHIRPath expression of the subset the FHIR R4 search parameters use: paths, {@code |},
 * {@code as}/{@code is}/{@code ofType}, {@code where(...)}, {@code resolve()}, {@code exists()},
 * indexers, {@code =}, {@code !=} and {@code and}. Evaluated over resource JSON by {@link PathEvaluator}.
 */
public sealed interface PathExpression {

    /** The input collection itself ({@code $this}, or the start of a path). */
    record This() implements PathExpression {
    }

    /** {@code %resource}: the resource being evaluated, whatever the input. */
    record Root() implements PathExpression {
    }

    /** {@code Type} at the start of a path: the input if it is a resource of this type, else nothing. */
    record TypeFilter(PathExpression source, String typeName) implements PathExpression {
    }

    /** {@code source.name}: the children called {@code name} (any type, for a choice). */
    record Member(PathExpression source, String name) implements PathExpression {
    }

    /** {@code source[index]}. */
    record Index(PathExpression source, int index) implements PathExpression {
    }

    /** {@code source as Type}, {@code source.as(Type)}, {@code source.ofType(Type)}. */
    record As(PathExpression source, String typeName) implements PathExpression {
    }

    /** {@code source is Type}: a boolean. */
    record Is(PathExpression source, String typeName) implements PathExpression {
    }

    /** {@code source.where(criteria)}. */
    record Where(PathExpression source, PathExpression criteria) implements PathExpression {
    }

    /** {@code source.resolve()}: the referenced resource's type only. */
    record Resolve(PathExpression source) implements PathExpression {
    }

    /** {@code source.exists()}. */
    record Exists(PathExpression source) implements PathExpression {
    }

    /** {@code source.first()}. */
    record First(PathExpression source) implements PathExpression {
    }

    /** {@code a | b | ...}. */
    record Union(List<PathExpression> parts) implements PathExpression {
    }

    /** {@code left = right} or {@code left != right}. */
    record Equality(PathExpression left, PathExpression right, boolean negated) implements PathExpression {
    }

    /** {@code left and right}. */
    record And(PathExpression left, PathExpression right) implements PathExpression {
    }

    /** A string, boolean or number literal. */
    record Literal(Object value) implements PathExpression {
    }
}
