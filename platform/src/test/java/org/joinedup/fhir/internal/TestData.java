package org.joinedup.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.joinedup.fhir.internal.json.FhirJson;

/** The test data in src/test/resources/testdata (see its README for sources and licences). */
public final class TestData {

    private TestData() {
    }

    public static Path folder(String name) {
        URL url = TestData.class.getClassLoader().getResource("testdata/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Synthea files in load order: practitioners, hospitals, then the patients. */
    public static List<Path> syntheaFiles() {
        try (var files = Files.list(folder("synthea"))) {
            List<Path> all = files.sorted().toList();
            List<Path> ordered = new ArrayList<>();
            all.stream().filter(p -> p.getFileName().toString().startsWith("practitioner")).forEach(ordered::add);
            all.stream().filter(p -> p.getFileName().toString().startsWith("hospital")).forEach(ordered::add);
            all.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
            return ordered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> syntheaResources(int patientFiles) {
        List<ObjectNode> resources = new ArrayList<>();
        List<Path> files = syntheaFiles();
        for (Path file : files.subList(0, Math.min(files.size(), 2 + patientFiles))) {
            for (JsonNode entry : FhirJson.parseObject(gunzip(file)).path("entry")) {
                resources.add((ObjectNode) entry.path("resource"));
            }
        }
        return resources;
    }

    /** The UK Core examples, converted from XML to JSON by HAPI, by file name. */
    public static List<Example> ukCoreExamples() {
        FhirContext context = FhirContext.forR4Cached();
        List<Example> examples = new ArrayList<>();
        try (var files = Files.list(folder("ukcore-examples"))) {
            for (Path file : files.sorted().toList()) {
                String xml = Files.readString(file, StandardCharsets.UTF_8);
                String json = context.newJsonParser().encodeResourceToString(context.newXmlParser().parseResource(xml));
                examples.add(new Example(file.getFileName().toString(), FhirJson.parseObject(json.getBytes(StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    /** One UK Core example. */
    public record Example(String file, ObjectNode resource) {
        @Override
        public String toString() {
            return file;
        }
    }
}
