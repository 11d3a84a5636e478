package org.joinedup.analytics.internal.tables;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.joinedup.analytics.internal.ViewColumns;
import org.joinedup.analytics.internal.ViewRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The views shipped with the platform ({@code analytics/views/<name>.json}, SQL on FHIR ViewDefinitions), each
 * checked, with its table and a hash of its definition (a changed definition rebuilds its table).
 */
final class ShippedViews {

    /** One shipped view. */
    record Shipped(String name, String hash, ViewRunner.View view, ViewTable table, JsonNode definition) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShippedViews() {
    }

    static List<Shipped> load(ViewRunner runner) {
        List<Shipped> views = new ArrayList<>();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:analytics/views/*.json");
            for (Resource resource : found) {
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                JsonNode definition = JSON.readTree(bytes);
                String name = definition.path("name").asText();
                views.add(new Shipped(name, sha256(bytes), runner.view(definition), new ViewTable(name, ViewColumns.of(definition)), definition));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        views.sort(Comparator.comparing(Shipped::name));
        return List.copyOf(views);
    }

    static ViewRunner runner() {
        return new ViewRunner(FhirContext.forR4Cached());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
