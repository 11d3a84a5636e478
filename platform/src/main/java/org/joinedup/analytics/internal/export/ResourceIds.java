package org.joinedup.analytics.internal.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.joinedup.analytics.internal.SearchPage;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A resource's {@code id} (its own, not a contained one's), read from its bytes without building a tree. */
final class ResourceIds {

    private static final JsonFactory JSON = new JsonFactory();

    private ResourceIds() {
    }

    static String of(SearchPage.Slice slice) {
        try (JsonParser parser = JSON.createParser(slice.page(), slice.start(), slice.end() - slice.start())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("id")) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
