package org.joinedup.analytics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a search answer (a searchset Bundle) taken apart without building it as a tree: each entry's resource as
 * the exact bytes the store sent, and the link to the next page. The store's JSON is compact, one line per resource.
 *
 * @param next the next page's query below the FHIR base ({@code Observation?...}), or null on the last page
 */
public record SearchPage(List<Slice> resources, String next) {

    private static final JsonFactory JSON = new JsonFactory();

    /** A resource's bytes within the page. */
    public record Slice(byte[] page, int start, int end) {

        /** The resource's JSON. */
        public String text() {
            return new String(page, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static SearchPage of(byte[] bundle) throws IOException {
        List<Slice> resources = new ArrayList<>();
        String next = null;
        try (JsonParser parser = JSON.createParser(bundle)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("link") && value == JsonToken.START_ARRAY) {
                    next = next(parser, next);
                } else if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        entry(parser, bundle, resources);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new SearchPage(resources, next);
    }

    private static void entry(JsonParser parser, byte[] bundle, List<Slice> resources) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("resource")) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                resources.add(new Slice(bundle, start, (int) parser.currentLocation().getByteOffset()));
            } else {
                parser.skipChildren();
            }
        }
    }

    private static String next(JsonParser parser, String next) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String relation = null;
            String url = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "relation" -> relation = parser.getText();
                    case "url" -> url = parser.getText();
                    default -> parser.skipChildren();
                }
            }
            if ("next".equals(relation) && url != null) {
                next = url.replaceFirst("^.*?/fhir/", "");
            }
        }
        return next;
    }

    private static void expect(JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException("A search answer is a Bundle object, not " + token);
        }
    }
}
