package org.joinedup.fhir.internal.path;

import java.util.ArrayList;
import java.util.List;

/** Splits a FHIRPath expression into identifiers, literals and symbols. */
final class PathTokenizer {

    private PathTokenizer() {
    }

    static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '%') {
                int start = i++;
                while (i < length && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(expression.substring(start, i));
            } else if (c == '`') {
                int end = expression.indexOf('`', i + 1);
                tokens.add(expression.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < length && (Character.isDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(expression.substring(start, i));
            } else if (c == '\'') {
                int start = i++;
                while (i < length && expression.charAt(i) != '\'') {
                    i += expression.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                tokens.add(expression.substring(start, i));
            } else if (c == '!' && i + 1 < length && expression.charAt(i + 1) == '=') {
                tokens.add("!=");
                i += 2;
            } else if ("().[]|=,".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw new IllegalArgumentException("FHIRPath '" + expression + "': unexpected character '" + c + "'");
            }
        }
        return tokens;
    }
}
