package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.SearchableText;

/**
 * Where a search of the record found its words in one entry: its title and detail with the matches marked, and
 * when the match is elsewhere (a note, a letter's text, a code's other display), a short extract around it.
 */
public record Highlights(List<MarkedText> text, List<MarkedText> detail, List<MarkedText> extract) {

    /** A run of text, marked or not. */
    public record MarkedText(String text, boolean match) {
    }

    private static final int AROUND = 70;

    static Highlights of(JsonNode resource, String text, String detail, Set<String> words) {
        List<MarkedText> markedText = mark(text, words);
        List<MarkedText> markedDetail = mark(detail, words);
        boolean shown = markedText.stream().anyMatch(MarkedText::match) || markedDetail.stream().anyMatch(MarkedText::match);
        return new Highlights(markedText, markedDetail, shown ? List.of() : extract(SearchableText.content(resource), words));
    }

    static List<MarkedText> mark(String text, Set<String> words) {
        List<MarkedText> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int at = 0;
        for (int[] match : SearchableText.matches(text, words)) {
            if (match[0] > at) {
                parts.add(new MarkedText(text.substring(at, match[0]), false));
            }
            parts.add(new MarkedText(text.substring(match[0], match[1]), true));
            at = match[1];
        }
        if (at < text.length()) {
            parts.add(new MarkedText(text.substring(at), false));
        }
        return parts;
    }

    /** About {@value #AROUND} characters either side of the first match, on one line, cut at spaces. */
    static List<MarkedText> extract(String content, Set<String> words) {
        List<int[]> matches = SearchableText.matches(content, words);
        if (matches.isEmpty()) {
            return List.of();
        }
        int first = matches.getFirst()[0];
        int start = Math.max(0, first - AROUND);
        int end = Math.min(content.length(), matches.getFirst()[1] + AROUND);
        while (start > 0 && !Character.isWhitespace(content.charAt(start - 1)) && first - start < AROUND + 20) {
            start--;
        }
        while (end < content.length() && !Character.isWhitespace(content.charAt(end)) && end - first < 2 * AROUND + 20) {
            end++;
        }
        String window = (start > 0 ? "…" : "") + content.substring(start, end).replaceAll("\\s+", " ").strip() + (end < content.length() ? "…" : "");
        return mark(window, words);
    }
}
