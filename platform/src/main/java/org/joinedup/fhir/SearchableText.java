package org.joinedup.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a resource that {@code _content} and {@code _text} searches find (its strings, its narrative, and
 * the text of inline text, HTML and PDF attachments), and how a search's words match
 * them: a word is a run of letters and digits, compared without case or accents, and a search word matches every
 * word it begins ("metf" finds "Metformin"). The store indexes with this and pages highlight with it, so what is
 * found is what is marked.
 */
public final class SearchableText {

    /** Elements that identify or link rather than say anything a reader would search for. */
    private static final Set<String> NOT_TEXT = Set.of("resourceType", "id", "reference", "system", "url", "fullUrl", "versionId",
            "lastUpdated", "source", "profile", "div", "data", "hash", "contentType", "language", "status", "use");
    private static final int LONGEST_WORD = 60;

    private SearchableText() {
    }

    /** Everything a reader could search for in the resource: its strings, its narrative and its attached text. */
    public static String content(JsonNode resource) {
        StringBuilder text = new StringBuilder();
        strings(resource, text);
        String narrative = narrative(resource);
        if (!narrative.isEmpty()) {
            text.append(narrative).append('\n');
        }
        return text.toString();
    }

    /** The resource's narrative as plain text. */
    public static String narrative(JsonNode resource) {
        String div = resource.at("/text/div").asText("");
        return div.isEmpty() ? "" : plain(div);
    }

    /** The distinct words of a text, as compared. */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        spans(text, (start, end) -> {
            String word = fold(text.substring(start, end));
            if (!word.isEmpty() && word.length() <= LONGEST_WORD) {
                words.add(word);
            }
        });
        return words;
    }

    /** Where in {@code text} words begun by any of {@code searched} are, as [start, end) pairs in order. */
    public static List<int[]> matches(String text, Set<String> searched) {
        List<int[]> found = new ArrayList<>();
        if (searched.isEmpty()) {
            return found;
        }
        spans(text, (start, end) -> {
            String word = fold(text.substring(start, end));
            if (searched.stream().anyMatch(word::startsWith)) {
                found.add(new int[] {start, end});
            }
        });
        return found;
    }

    private interface Span {
        void at(int start, int end);
    }

    private static void spans(String text, Span span) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                span.at(start, i);
                start = -1;
            }
        }
    }

    private static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 128)) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static void strings(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("attachment")) {
                    attachment(field.getValue(), text);
                }
                if (!NOT_TEXT.contains(field.getKey())) {
                    strings(field.getValue(), text);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> strings(item, text));
        } else if (node.isTextual() && !looksLikeDate(node.textValue())) {
            text.append(node.textValue()).append('\n');
        }
    }

    /** The text of an attachment sent inline as plain text, HTML or PDF. */
    private static void attachment(JsonNode attachment, StringBuilder text) {
        String type = attachment.path("contentType").asText("");
        if (!attachment.has("data") || !(type.startsWith("text/") || type.startsWith("application/pdf"))) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(attachment.path("data").asText());
        } catch (IllegalArgumentException e) {
            return; // not base64: nothing to index
        }
        if (type.startsWith("application/pdf")) {
            text.append(PdfText.of(bytes)).append('\n');
            return;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        text.append(type.startsWith("text/html") ? plain(decoded) : decoded).append('\n');
    }

    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ");

    private static String plain(String html) {
        String text = html.replaceAll("<[^>]*>", " ");
        for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
            text = text.replace(entity.getKey(), entity.getValue());
        }
        return text;
    }

    private static boolean looksLikeDate(String value) {
        return value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-' && Character.isDigit(value.charAt(0))
                && Character.isDigit(value.charAt(9));
    }
}
