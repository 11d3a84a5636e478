package org.joinedup.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small FHIR client over real HTTP for tests: JSON in, JSON out, every header visible. */
public final class FhirClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    /** A client acting as the demo system client, allowed everything. */
    public FhirClient(int port) {
        this(port, Tokens.system(port));
    }

    /** A client presenting the given bearer token (null for none). */
    public FhirClient(int port, String token) {
        this.base = "http://localhost:" + port + "/fhir";
        this.token = token;
    }

    /** The same server, with another token. */
    public FhirClient as(String otherToken) {
        return new FhirClient(Integer.parseInt(base.replaceAll(".*:(\\d+)/fhir$", "$1")), otherToken);
    }

    public String base() {
        return base;
    }

    /** An answer: status, headers and body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String id() {
            return json().path("id").asText();
        }

        /** The resources of a Bundle's entries, in order. */
        public List<JsonNode> resources() {
            List<JsonNode> resources = new ArrayList<>();
            json().path("entry").forEach(e -> resources.add(e.path("resource")));
            return resources;
        }

        /** The ids of a searchset's matches, in order. */
        public List<String> matchIds() {
            List<String> ids = new ArrayList<>();
            json().path("entry").forEach(e -> {
                if (!"include".equals(e.path("search").path("mode").asText())) {
                    ids.add(e.path("resource").path("id").asText());
                }
            });
            return ids;
        }

        public String link(String relation) {
            for (JsonNode link : json().path("link")) {
                if (relation.equals(link.path("relation").asText())) {
                    return link.path("url").asText();
                }
            }
            return null;
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "POST", body, "application/fhir+json"));
    }

    public Response put(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PUT", body, "application/fhir+json"));
    }

    public Response patch(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PATCH", body, "application/json-patch+json"));
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Sends raw bytes with a content type, for malformed-input tests. */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path, headers).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return send(builder);
    }

    /** Creates a resource and returns the stored version. */
    public JsonNode create(Object resource) {
        Response response = post("/" + type(resource), resource);
        if (response.status() != 201) {
            throw new AssertionError("Create failed with " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    private static String type(Object resource) {
        JsonNode node = resource instanceof JsonNode n ? n : parse(resource.toString());
        return node.path("resourceType").asText();
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        String url = path.startsWith("http") ? path : base + (path.startsWith("/") || path.isEmpty() ? path : "/" + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replace("|", "%7C").replace(" ", "%20").replace("\\", "%5C")))
                .timeout(Duration.ofSeconds(120));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body, String contentType) {
        byte[] bytes = body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        return builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
