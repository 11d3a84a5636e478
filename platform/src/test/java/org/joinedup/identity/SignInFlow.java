package org.joinedup.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joinedup.fhir.FhirClient;

/**
 * A SMART app's standalone launch against the built-in provider, over real HTTP as a browser would make it:
 * authorize, sign in on the page (with its CSRF token), come back with a code, exchange it with PKCE.
 */
public final class SignInFlow {

    public static final String APP = "joinedup-demo-app";
    public static final String REDIRECT = "http://127.0.0.1/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public SignInFlow(int port) {
        this.base = "http://localhost:" + port;
    }

    /** What the sign-in page answered: the redirect after posting the form. */
    public HttpResponse<String> submitLogin(String username, String password) throws Exception {
        HttpResponse<String> page = get(base + "/auth/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the sign-in page: " + page.body());
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/auth/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                        + enc(csrf.group(1)))).build());
    }

    /** Signs in through the whole authorization code flow and returns the token endpoint's answer. */
    public JsonNode signIn(String username, String password, String scope) throws Exception {
        String verifier = randomString();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base + "/auth/oauth2/authorize?response_type=code&client_id=" + APP + "&redirect_uri=" + enc(REDIRECT)
                + "&scope=" + enc(scope) + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&aud=" + enc("http://localhost:8080/fhir");
        HttpResponse<String> toLogin = get(authorize);
        if (toLogin.statusCode() != 302 || !location(toLogin).contains("/auth/login")) {
            throw new AssertionError("Authorize did not ask for sign-in: " + toLogin.statusCode() + " " + toLogin.body());
        }
        HttpResponse<String> afterLogin = submitLogin(username, password);
        if (afterLogin.statusCode() != 302 || location(afterLogin).contains("error")) {
            throw new AssertionError("Sign-in failed: " + location(afterLogin));
        }
        HttpResponse<String> callback = get(absolute(location(afterLogin)));
        String redirect = location(callback);
        if (redirect == null || !redirect.startsWith(REDIRECT)) {
            throw new AssertionError("No code came back: " + callback.statusCode() + " " + redirect + " " + callback.body());
        }
        String code = URI.create(redirect).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/auth/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(REDIRECT)
                        + "&client_id=" + APP + "&code_verifier=" + verifier)).build());
        return FhirClient.JSON.readTree(token.body());
    }

    /** A page, fetched with this browser's session. */
    public HttpResponse<String> page(String path) throws Exception {
        return get(base + path);
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : base + location;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse(null);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomString() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
