package org.joinedup.notify.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a message's {@code ((placeholder))}s, as GOV.UK Notify does; a placeholder without a value is an error, never sent blank. */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z]+)\\)\\)");

    private Template() {
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("The message has no value for ((" + matcher.group(1) + "))");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
