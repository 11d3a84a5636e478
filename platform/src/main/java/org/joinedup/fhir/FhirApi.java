package org.joinedup.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The FHIR API for other modules (feeds, the demo region): one interaction handled exactly as over HTTP, with
 * the caller's access applied inside every query, and audited.
 */
public interface FhirApi {

    /**
     * The answer: HTTP status and FHIR JSON body, with any headers an operation adds ({@code Content-Location},
     * {@code X-Progress}, {@code Content-Type} for a body that is not FHIR JSON); a large body may instead be
     * streamed to the client ({@code stream}, with an empty {@code body}).
     */
    record Answer(int status, byte[] body, java.util.Map<String, String> headers, BodyWriter stream) {

        private static final ObjectMapper JSON = new ObjectMapper();

        public Answer {
            headers = java.util.Map.copyOf(headers);
        }

        public Answer(int status, byte[] body) {
            this(status, body, java.util.Map.of(), null);
        }

        /** A body written to the client as it is made (a bulk export's file), of the given media type. */
        public static Answer streamed(String contentType, BodyWriter stream) {
            return new Answer(200, new byte[0], java.util.Map.of("Content-Type", contentType), stream);
        }

        /** The same answer with one more header. */
        public Answer withHeader(String name, String value) {
            java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, stream);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * What a transaction's or batch's entry wrote, as a relative reference ({@code Observation/123}), from its
         * response location (absolute, with its version: {@code http://host/fhir/Observation/123/_history/1}).
         */
        public String written(int entry) {
            return written(json(), entry);
        }

        /** The same, from an answer's JSON already read. */
        public static String written(JsonNode bundle, int entry) {
            String[] parts = bundle.at("/entry/" + entry + "/response/location").asText().replaceFirst("/_history/.*", "").split("/");
            return parts.length < 2 ? "" : parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }

        /** A search's matches (its included resources left out); none when the search was refused. */
        public List<JsonNode> matches() {
            if (status != 200) {
                return List.of();
            }
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode entry : json().path("entry")) {
                if ("match".equals(entry.at("/search/mode").asText("match"))) {
                    found.add(entry.path("resource"));
                }
            }
            return found;
        }
    }

    /** Writes a streamed body. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * @param access who is asking, and what they may do ({@link FhirAccess#SYSTEM} for the platform itself)
     * @param method GET, POST, PUT, PATCH or DELETE
     * @param pathAndQuery below the FHIR base, e.g. {@code Patient?identifier=...} or an empty string for a Bundle
     * @param body FHIR JSON, or null
     */
    Answer handle(FhirAccess access, String method, String pathAndQuery, byte[] body);
}
