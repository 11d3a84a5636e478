package org.joinedup.fhir.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/**
 * Reading and writing FHIR JSON with Jackson: decimals keep their precision ({@code 1.50} stays
 * {@code 1.50}), duplicate keys are an error, and output is compact UTF-8.
 */
public final class FhirJson {

    private static final ObjectMapper MAPPER = createMapper();

    private FhirJson() {
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(500)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(SerializationFeature.INDENT_OUTPUT);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a JSON object; anything else (malformed JSON, an array, a number) is a 400 with the parser's reason. */
    public static ObjectNode parseObject(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new FhirException(400, Issue.error("structure", "The body is not valid JSON: " + conciseMessage(e)));
        }
        if (node == null || node.isMissingNode()) {
            throw new FhirException(400, Issue.error("structure", "The body is empty; a FHIR resource was expected"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new FhirException(400, Issue.error("structure", "The body is JSON but not an object; a FHIR resource was expected"));
        }
        return object;
    }

    /** Parses any JSON value (a JSON Patch array, say); malformed JSON is a 400. */
    public static JsonNode parseAny(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json == null ? new byte[0] : json);
            if (node == null || node.isMissingNode()) {
                throw new FhirException(400, Issue.error("structure", "The body is empty"));
            }
            return node;
        } catch (IOException e) {
            throw new FhirException(400, Issue.error("structure", "The body is not valid JSON: " + conciseMessage(e)));
        }
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads stored JSON that is known to be well formed. */
    public static ObjectNode readStored(byte[] json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String conciseMessage(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing) {
            String message = processing.getOriginalMessage();
            if (processing.getLocation() != null) {
                message += " (line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr() + ")";
            }
            return message;
        }
        return e.getMessage();
    }
}
