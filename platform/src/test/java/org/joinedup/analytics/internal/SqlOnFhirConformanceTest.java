package org.joinedup.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.joinedup.analytics.ViewDefinitionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official SQL on FHIR v2 suite (copied into {@code sql-on-fhir-v2/}, source and licence beside it): every test
 * tagged {@code shareable} runs its view over its file's resources, and the rows must equal those expected (as
 * multisets), or the view must be refused when an error is expected. Tests not tagged shareable are skipped (they
 * test optional functions: boundaries, join). Known failures are listed in {@link #KNOWN_FAILURES} with why.
 */
class SqlOnFhirConformanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ViewRunner RUNNER = new ViewRunner(FhirContext.forR4Cached());
    static final List<String> FILES = List.of("basic", "collection", "combinations", "constant", "constant_types", "fhirpath", "fhirpath_numbers",
            "fn_boundary", "fn_empty", "fn_extension", "fn_first", "fn_join", "fn_oftype", "fn_reference_keys", "foreach", "logic", "repeat",
            "row_index", "union", "validate", "view_resource", "where");

    /** Shareable tests this runner fails, by file and title, with why. */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    static Stream<Arguments> tests() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String file : FILES) {
            JsonNode suite;
            try (InputStream in = SqlOnFhirConformanceTest.class.getResourceAsStream("/sql-on-fhir-v2/tests/" + file + ".json")) {
                suite = JSON.readTree(in);
            }
            for (JsonNode test : suite.path("tests")) {
                all.add(Arguments.of(file + ": " + test.path("title").asText(), suite.path("resources"), test));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void theViewMakesTheRowsTheSuiteExpects(String name, JsonNode resources, JsonNode test) {
        boolean shareable = false;
        for (JsonNode tag : test.path("tags")) {
            shareable |= tag.asText().equals("shareable");
        }
        Assumptions.assumeTrue(shareable, "not shareable: an optional part of the specification");
        Assumptions.assumeFalse(KNOWN_FAILURES.containsKey(name), () -> "known failure: " + KNOWN_FAILURES.get(name));
        if (test.has("expectError")) {
            assertThatThrownBy(() -> run(test.path("view"), resources)).isInstanceOf(ViewDefinitionException.class);
            return;
        }
        List<Map<String, Object>> rows = run(test.path("view"), resources);
        assertThat(canonical(JSON.valueToTree(rows))).containsExactlyInAnyOrderElementsOf(canonical(test.path("expect")));
    }

    private static List<Map<String, Object>> run(JsonNode definition, JsonNode resources) {
        ViewRunner.View view = RUNNER.view(definition);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode json : resources) {
            Resource resource = RUNNER.parse(json);
            rows.addAll(view.rows(resource));
        }
        return rows;
    }

    /** Each row as text with its numbers written alike (1.0 and 1 the same), for comparing as multisets. */
    private static List<String> canonical(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(row -> out.add(canonicalValue(row)));
        return out;
    }

    private static String canonicalValue(JsonNode value) {
        if (value.isNumber()) {
            return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(canonicalValue(v)));
            return items.toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            for (String field : names) {
                out.append(field).append('=').append(canonicalValue(value.get(field))).append(';');
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

}
