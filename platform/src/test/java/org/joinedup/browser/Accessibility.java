package org.joinedup.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans the page in the browser with axe-core (installed from npm by the build, as a development dependency),
 * evaluated through Playwright so that the pages' Content-Security-Policy need not allow it.
 */
final class Accessibility {

    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static String axe;

    private Accessibility() {
    }

    /** The serious and critical violations on the page as it is now, one line each (rule, impact, how many elements, help). */
    static List<String> seriousViolations(Page page) {
        page.evaluate(source());
        String found = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']})).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(' | ')))");
        List<String> violations = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode list;
        try {
            list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        list.forEach(v -> violations.add(v.asText()));
        return violations;
    }

    private static synchronized String source() {
        if (axe == null) {
            try {
                axe = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the build (npm ci in platform/); " + AXE.toAbsolutePath() + " is missing", e);
            }
        }
        return axe;
    }
}
