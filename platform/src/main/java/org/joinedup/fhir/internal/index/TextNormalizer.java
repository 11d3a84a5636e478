package org.joinedup.fhir.internal.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for string search: accents removed, lower case, so "Zoë" and "ZOE" are found by "zoe". */
public final class TextNormalizer {

    /** Longest value kept in an index row; longer values are searched by their start. */
    public static final int MAX_INDEXED_LENGTH = 200;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String folded = isPlainAscii(text) ? text : COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String lower = folded.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_INDEXED_LENGTH ? lower.substring(0, MAX_INDEXED_LENGTH) : lower;
    }

    public static String truncate(String text) {
        return text.length() > MAX_INDEXED_LENGTH ? text.substring(0, MAX_INDEXED_LENGTH) : text;
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
