package org.joinedup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A token for the demo system client (README: joinedup.demo.client-id and client-secret), as scripts get one. */
final class DemoToken {

    static final String CLIENT_ID = System.getProperty("joinedup.demo.client-id", "joinedup-demo");
    static final String CLIENT_SECRET = System.getProperty("joinedup.demo.client-secret", "joinedup-demo-secret");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoToken() {
    }

    /** The token; null from a build without the identity provider (for comparing with earlier builds). */
    static String fetch(int port) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/auth/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system%2F*.cruds")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("No token from the demo client: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }
}
