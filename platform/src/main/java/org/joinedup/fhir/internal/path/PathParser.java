package org.joinedup.fhir.internal.path;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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

/** Parses the FHIRPath subset of {@link PathExpression}; anything else is an {@link IllegalArgumentException}. */
public final class PathParser {

    private final Predicate<String> isTypeName;
    private List<String> tokens;
    private int position;
    private String source;

    /** @param isTypeName true for names that start a path as a type filter ({@code Observation}, {@code Resource}) */
    public PathParser(Predicate<String> isTypeName) {
        this.isTypeName = isTypeName;
    }

    public synchronized PathExpression parse(String expression) {
        this.source = expression;
        this.tokens = PathTokenizer.tokenize(expression);
        this.position = 0;
        PathExpression result = and();
        if (position != tokens.size()) {
            throw error("unexpected '" + tokens.get(position) + "'");
        }
        return result;
    }

    private PathExpression and() {
        PathExpression left = equality();
        while (accept("and")) {
            left = new And(left, equality());
        }
        return left;
    }

    private PathExpression equality() {
        PathExpression left = union();
        if (accept("=")) {
            return new Equality(left, union(), false);
        }
        if (accept("!=")) {
            return new Equality(left, union(), true);
        }
        return left;
    }

    private PathExpression union() {
        List<PathExpression> parts = new ArrayList<>();
        parts.add(typeOperation());
        while (accept("|")) {
            parts.add(typeOperation());
        }
        return parts.size() == 1 ? parts.getFirst() : new Union(List.copyOf(parts));
    }

    private PathExpression typeOperation() {
        PathExpression left = postfix();
        if (accept("as")) {
            return new As(left, typeName());
        }
        if (accept("is")) {
            return new Is(left, typeName());
        }
        return left;
    }

    private PathExpression postfix() {
        PathExpression current = term();
        while (true) {
            if (accept(".")) {
                current = invocation(current, next());
            } else if (accept("[")) {
                int index = Integer.parseInt(next());
                expect("]");
                current = new Index(current, index);
            } else {
                return current;
            }
        }
    }

    private PathExpression term() {
        String token = next();
        if (token.equals("(")) {
            PathExpression inner = and();
            expect(")");
            return inner;
        }
        if (token.startsWith("'")) {
            return new Literal(token.substring(1, token.length() - 1).replace("\\'", "'"));
        }
        if (token.equals("true") || token.equals("false")) {
            return new Literal(Boolean.valueOf(token));
        }
        if (Character.isDigit(token.charAt(0))) {
            return new Literal(new java.math.BigDecimal(token));
        }
        if (token.equals("$this")) {
            return new This();
        }
        if (token.equals("%resource")) {
            return new PathExpression.Root();
        }
        if (isTypeName.test(token) && !peek("(")) {
            return new TypeFilter(new This(), token);
        }
        return invocation(new This(), token);
    }

    private PathExpression invocation(PathExpression source, String name) {
        if (!accept("(")) {
            return new Member(source, name);
        }
        PathExpression result = switch (name) {
            case "resolve" -> new Resolve(source);
            case "exists" -> new Exists(source);
            case "first" -> new First(source);
            case "as", "ofType" -> new As(source, typeName());
            case "is" -> new Is(source, typeName());
            case "where" -> new Where(source, and());
            default -> throw error("the function " + name + "() is not supported");
        };
        expect(")");
        return result;
    }

    private String typeName() {
        String name = next();
        if (accept(".")) {
            name = next();
        }
        return name;
    }

    private boolean peek(String token) {
        return position < tokens.size() && tokens.get(position).equals(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private String next() {
        if (position >= tokens.size()) {
            throw error("unexpected end");
        }
        return tokens.get(position++);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("FHIRPath '" + source + "': " + message);
    }
}
