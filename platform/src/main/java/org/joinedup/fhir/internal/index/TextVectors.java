package org.joinedup.fhir.internal.index;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.joinedup.fhir.SearchableText;

/**
 * PostgreSQL text-search values written as literals, from words {@link SearchableText} has already found, so
 * that the database neither splits nor stems them: a {@code tsvector} of a resource's words, and a
 * {@code tsquery} where every word of a search value must begin some word (values separated by commas are
 * alternatives).
 */
public final class TextVectors {

    private TextVectors() {
    }

    public static String of(Collection<String> words) {
        return words.stream().map(TextVectors::lexeme).collect(Collectors.joining(" "));
    }

    /** The query for a search's values, or null when they hold no word at all. */
    public static String query(List<String> values) {
        List<String> alternatives = values.stream().map(SearchableText::words).filter(words -> !words.isEmpty())
                .map(TextVectors::allOf).toList();
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    private static String allOf(Set<String> words) {
        return "(" + words.stream().map(w -> lexeme(w) + ":*").collect(Collectors.joining(" & ")) + ")";
    }

    private static String lexeme(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
