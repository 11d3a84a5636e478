package org.joinedup.fhir.internal.param;

import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.path.PathExpression;
import org.joinedup.fhir.internal.path.PathExpression.As;
import org.joinedup.fhir.internal.path.PathExpression.Exists;
import org.joinedup.fhir.internal.path.PathExpression.First;
import org.joinedup.fhir.internal.path.PathExpression.Index;
import org.joinedup.fhir.internal.path.PathExpression.Member;
import org.joinedup.fhir.internal.path.PathExpression.Resolve;
import org.joinedup.fhir.internal.path.PathExpression.This;
import org.joinedup.fhir.internal.path.PathExpression.TypeFilter;
import org.joinedup.fhir.internal.path.PathExpression.Union;
import org.joinedup.fhir.internal.path.PathExpression.Where;

/**
 * Narrows a shared expression ({@code AllergyIntolerance.patient | CarePlan.subject | ...}) to the branches
 * that can apply to one resource type, so each type evaluates only its own paths.
 */
final class PathNarrowing {

    private PathNarrowing() {
    }

    /** The expression without branches for other types, or null if none applies. */
    static PathExpression narrow(PathExpression expression, String resourceType) {
        if (expression instanceof Union union) {
            List<PathExpression> kept = new ArrayList<>();
            for (PathExpression part : union.parts()) {
                PathExpression narrowed = narrow(part, resourceType);
                if (narrowed != null) {
                    kept.add(narrowed);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            return kept.size() == 1 ? kept.getFirst() : new Union(List.copyOf(kept));
        }
        String root = rootType(expression);
        if (root != null && !root.equals(resourceType) && !root.equals("Resource") && !root.equals("DomainResource")) {
            return null;
        }
        return expression;
    }

    /** The parts of a union, or the expression itself. */
    static List<PathExpression> branches(PathExpression expression) {
        return expression instanceof Union union ? union.parts() : List.of(expression);
    }

    /** The expression without {@code .where(resolve() is X)} filters on references. */
    static PathExpression withoutTypeFilter(PathExpression expression) {
        return switch (expression) {
            case Union u -> new Union(u.parts().stream().map(PathNarrowing::withoutTypeFilter).toList());
            case Where w when w.criteria() instanceof PathExpression.Is is && is.source() instanceof Resolve -> w.source();
            default -> expression;
        };
    }

    /** X, when the branch ends with {@code .where(resolve() is X)}; otherwise null. */
    static String resolveType(PathExpression branch) {
        if (branch instanceof Where w && w.criteria() instanceof PathExpression.Is is && is.source() instanceof Resolve) {
            return is.typeName();
        }
        return null;
    }

    private static String rootType(PathExpression expression) {
        return switch (expression) {
            case TypeFilter f -> f.source() instanceof This ? f.typeName() : rootType(f.source());
            case Member m -> rootType(m.source());
            case Index i -> rootType(i.source());
            case As a -> rootType(a.source());
            case Where w -> rootType(w.source());
            case Resolve r -> rootType(r.source());
            case First f -> rootType(f.source());
            case Exists e -> rootType(e.source());
            case PathExpression.And a -> rootType(a.left());
            case PathExpression.Equality e -> rootType(e.left());
            case PathExpression.Is i -> rootType(i.source());
            default -> null;
        };
    }
}
