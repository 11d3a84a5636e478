package org.joinedup.fhir.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL text with its bind values, built in order; values are always bound, never spliced into the text. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends a placeholder bound to the value. */
    Sql arg(Object value) {
        text.append('?');
        args.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)}. */
    Sql args(Collection<?> values) {
        text.append('(');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                text.append(", ");
            }
            arg(value);
            first = false;
        }
        text.append(')');
        return this;
    }

    /** Appends {@code column = ?} for one value, {@code column IN (?, ...)} for several. */
    Sql in(String column, Collection<?> values) {
        if (values.size() == 1) {
            return append(column + " = ").arg(values.iterator().next());
        }
        return append(column + " IN ").args(values);
    }

    /** Appends {@code AND <the row is visible to the caller>} for the resource row aliased as given. */
    Sql andVisible(String alias) {
        org.joinedup.fhir.internal.access.VisibleSql visible = org.joinedup.fhir.internal.access.VisibleSql.on(alias);
        if (visible.filters()) {
            text.append(" AND ").append(visible.text());
            args.addAll(visible.args());
        }
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        args.addAll(other.args);
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    String text() {
        return text.toString();
    }

    Object[] args() {
        return args.toArray();
    }

    @Override
    public String toString() {
        return text + " " + args;
    }
}
