package org.joinedup.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the platform's own provider, by the OAuth2 token endpoint, as real clients get them. */
public final class Tokens {

    /** The demo system client of the embedded default (README: joinedup.demo.client-id / client-secret). */
    public static final String DEMO_CLIENT = "joinedup-demo";
    public static final String DEMO_SECRET = "joinedup-demo-secret";

    /** A token and when it stops being worth using (30 s before its expiry). */
    private record Cached(String token, java.time.Instant until) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    /** A system token with every permission, for tests about the store rather than about access. */
    public static String system(int port) {
        return CACHE.compute(port + " system", (k, cached) -> {
            if (cached != null && java.time.Instant.now().isBefore(cached.until())) {
                return cached;
            }
            JsonNode answer = clientCredentials(port, DEMO_CLIENT, DEMO_SECRET, "system/*.cruds");
            return new Cached(answer.path("access_token").asText(), java.time.Instant.now().plusSeconds(answer.path("expires_in").asLong(300) - 30));
        }).token(); // renewed before it expires: a long suite outlives a token
    }

    /** The token endpoint's JSON answer to a client-credentials request (error answers included). */
    public static JsonNode clientCredentials(int port, String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return FhirClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
