package org.joinedup.fhir.internal.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Query parameters in the order given, repeats kept (FHIR ANDs repeated parameters). */
public record QueryParams(List<Map.Entry<String, String>> entries) {

    public static final QueryParams EMPTY = new QueryParams(List.of());

    /** Parses {@code a=1&b=2}; keys and values are percent-decoded. */
    public static QueryParams parse(String query) {
        if (query == null || query.isEmpty()) {
            return EMPTY;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            entries.add(Map.entry(decode(key), decode(value)));
        }
        return new QueryParams(List.copyOf(entries));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * The search condition of a conditional interaction or reference, written with or without its type
     * ({@code Patient?identifier=x} or {@code identifier=x}).
     */
    public static QueryParams ofCondition(String condition) {
        int question = condition.indexOf('?');
        return parse(question >= 0 ? condition.substring(question + 1) : condition);
    }

    /** {@code _count}: the default when absent, at most {@code max}; not a whole number, or negative, is a 400. */
    public int count(int defaultCount, int max) {
        String text = first("_count");
        if (text == null) {
            return Math.min(defaultCount, max);
        }
        try {
            int count = Integer.parseInt(text.trim());
            if (count < 0) {
                throw org.joinedup.fhir.internal.outcome.FhirException.badRequest("_count must not be negative");
            }
            return Math.min(count, max);
        } catch (NumberFormatException e) {
            throw org.joinedup.fhir.internal.outcome.FhirException.badRequest("_count must be a whole number, not '" + text + "'");
        }
    }

    public QueryParams plus(QueryParams more) {
        List<Map.Entry<String, String>> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new QueryParams(List.copyOf(all));
    }

    /** The first value of a parameter, or null. */
    public String first(String name) {
        for (Map.Entry<String, String> entry : entries) {
            if (entry.getKey().equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            if (entry.getKey().equals(name)) {
                values.add(entry.getValue());
            }
        }
        return values;
    }

    public boolean has(String name) {
        return first(name) != null;
    }

    /** The parameters as a query string, percent-encoded. */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> entry : entries) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
        }
        return query.toString();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2C", ",").replace("%7C", "|").replace("%3A", ":").replace("%24", "$").replace("%2F", "/");
    }
}
