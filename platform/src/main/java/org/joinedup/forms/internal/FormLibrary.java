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
 * The questionnaires shipped with the platform ({@code forms/<name>.questionnaire.json}), their rules
 * ({@code forms/<name>.rules.json}) and the value sets their answers are chosen from
 * ({@code forms/<name>.valueset.json}), read once; each is put in the FHIR store at start if that version is not
 * there yet, so responses refer to a questionnaire anyone can read.
 */
@Component
class FormLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormLibrary.class);

    /** A shipped questionnaire: the resource, the form read from it, and its rules. */
    record Shipped(JsonNode questionnaire, Form form, FormRules rules) {
    }

    private final Map<String, Shipped> shipped = new LinkedHashMap<>();
    private final Map<String, JsonNode> valueSets = new LinkedHashMap<>();
    private final FhirApi fhir;

    FormLibrary(FhirApi fhir) throws IOException {
        this.fhir = fhir;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath:forms/*.valueset.json")) {
            JsonNode valueSet = read(resource.getInputStream());
            valueSets.put(valueSet.path("url").asText(), valueSet);
        }
        for (Resource resource : resolver.getResources("classpath:forms/*.questionnaire.json")) {
            String name = resource.getFilename().replace(".questionnaire.json", "");
            JsonNode questionnaire = read(resource.getInputStream());
            Resource rules = resource.createRelative(name + ".rules.json");
            shipped.put(name, new Shipped(questionnaire, FormReader.read(name, questionnaire, valueSets),
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
        for (JsonNode valueSet : valueSets.values()) {
            store("ValueSet", valueSet);
        }
        for (Shipped one : shipped.values()) {
            store("Questionnaire", one.questionnaire());
        }
    }

    private void store(String type, JsonNode resource) {
        String search = "url=" + URLEncoder.encode(resource.path("url").asText(), StandardCharsets.UTF_8) + "&version="
                + URLEncoder.encode(resource.path("version").asText(""), StandardCharsets.UTF_8);
        byte[] bundle = ("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + resource + ",\"request\":"
                + "{\"method\":\"POST\",\"url\":\"" + type + "\",\"ifNoneExist\":\"" + search + "\"}}]}").getBytes(StandardCharsets.UTF_8);
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "POST", "", bundle);
        if (answer.status() != 200) {
            log.warn("{} {} could not be stored: {} {}", type, resource.path("url").asText(), answer.status(), answer.text());
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
