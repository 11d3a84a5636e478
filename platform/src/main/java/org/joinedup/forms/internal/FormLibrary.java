package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.forms.Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The questionnaires shipped with the platform ({@code forms/<name>.questionnaire.json}) and their rules
 * ({@code forms/<name>.rules.json}), read once; each is put in the FHIR store at start if that version is not
 * there yet, so responses refer to a questionnaire anyone can read.
 */
@Component
class FormLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormLibrary.class);

    /** A shipped questionnaire: the resource, the form read from it, and its rules. */
    record Shipped(JsonNode questionnaire, Form form, FormRules rules) {
    }

    private final Map<String, Shipped> shipped = new LinkedHashMap<>();
    private final FhirApi fhir;

    FormLibrary(FhirApi fhir) throws IOException {
        this.fhir = fhir;
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.questionnaire.json")) {
            String name = resource.getFilename().replace(".questionnaire.json", "");
            JsonNode questionnaire = read(resource.getInputStream());
            Resource rules = resource.createRelative(name + ".rules.json");
            shipped.put(name, new Shipped(questionnaire, FormReader.read(name, questionnaire),
                    new FormRules(rules.exists() ? read(rules.getInputStream()) : ResponseBuilder.JSON.createObjectNode())));
        }
    }

    List<Shipped> all() {
        return List.copyOf(shipped.values());
    }

    Shipped named(String name) {
        return shipped.get(name);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Shipped one : shipped.values()) {
            String search = "url=" + URLEncoder.encode(one.form().url(), StandardCharsets.UTF_8) + "&version=" + URLEncoder.encode(one.form().version(),
                    StandardCharsets.UTF_8);
            byte[] bundle = ("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + one.questionnaire() + ",\"request\":"
                    + "{\"method\":\"POST\",\"url\":\"Questionnaire\",\"ifNoneExist\":\"" + search + "\"}}]}").getBytes(StandardCharsets.UTF_8);
            FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "POST", "", bundle);
            if (answer.status() != 200) {
                log.warn("Questionnaire {} could not be stored: {} {}", one.form().name(), answer.status(), answer.text());
            }
        }
    }

    private static JsonNode read(InputStream in) {
        try (in) {
            return ResponseBuilder.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
