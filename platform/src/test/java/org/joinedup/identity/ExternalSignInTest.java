package org.joinedup.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign in through a CIS2-shaped provider and patients through an NHS login-shaped one: both real
 * OpenID Connect servers (mock-oauth2-server) started by the test, with discovery, keys and signed tokens.
 * The platform maps their claims and issues its own tokens.
 */
class ExternalSignInTest extends FhirApiTest {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
    static final BackendServiceKeys BACKEND = new BackendServiceKeys();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("joinedup.identity.staff-provider.issuer-uri", () -> PROVIDER.issuerUrl("cis2").toString());
        registry.add("joinedup.identity.staff-provider.client-id", () -> "joinedup");
        registry.add("joinedup.identity.staff-provider.client-secret", () -> "cis2-secret");
        registry.add("joinedup.identity.patient-provider.issuer-uri", () -> PROVIDER.issuerUrl("nhslogin").toString());
        registry.add("joinedup.identity.patient-provider.client-id", () -> "joinedup");
        registry.add("joinedup.identity.patient-provider.client-secret", () -> "nhs-login-secret");
        // a SMART Backend Services client, authenticating with a JWT signed by its own key (private_key_jwt)
        registry.add("joinedup.identity.clients[0].client-id", () -> BackendServiceKeys.CLIENT_ID);
        registry.add("joinedup.identity.clients[0].jwk-set-url", BACKEND::jwksUrl);
        registry.add("joinedup.identity.clients[0].scopes", () -> "system/Observation.rs");
    }

    @Test
    void aBackendServiceGetsATokenWithAJwtSignedByItsOwnKey() throws Exception {
        JsonNode answer = BACKEND.requestToken(port, BACKEND.assertion(), "system/Observation.rs");
        assertThat(answer.path("access_token").isTextual()).as(answer.toString()).isTrue();
        FhirClient client = fhir.as(answer.path("access_token").asText());
        assertThat(client.get("/Observation?_count=1").status()).isEqualTo(200);
        assertThat(client.get("/Patient?_count=1").status()).isEqualTo(403);
    }

    @Test
    void aBackendServiceAssertionSignedByAnotherKeyIsRefused() throws Exception {
        JsonNode answer = BACKEND.requestToken(port, BACKEND.assertionSignedByAStranger(), "system/Observation.rs");
        assertThat(answer.path("error").asText()).isEqualTo("invalid_client");
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
        BACKEND.stop();
    }

    @Test
    void aMemberOfStaffSignsInWithCis2AndGetsTheRoleAndOrganisationTheirRbacSays() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("cis2", "cis2-user-1", "JWT", List.of("joinedup"),
                Map.of("nhsid_nrbac_roles", List.of(Map.of("role_code", "S8000:G8000:R8000", "org_code", "RYY")), "name", "Dr Cis"), 3600));
        Map<String, Object> claims = claims(signIn("staff", "openid fhirUser user/*.cruds"));
        assertThat(claims.get("joinedup_kind")).isEqualTo("staff");
        assertThat(claims.get("role")).isEqualTo("clinician");
        assertThat(claims.get("organization")).isEqualTo("RYY");
    }

    @Test
    void aMemberOfStaffWithSeveralRbacRolesChoosesOneBeforeTheAppIsAuthorisedAndTheTokenSaysIt() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("cis2", "cis2-user-2", "JWT", List.of("joinedup"),
                Map.of("nhsid_nrbac_roles", List.of(Map.of("role_code", "S8000:G8000:R8000", "org_code", "RYY"),
                        Map.of("role_code", "S8000:G8000:R8000", "org_code", "Y90001")), "name", "Dr Two Hats"), 3600));
        Map<String, Object> claims = claims(signIn("staff", "openid fhirUser user/*.cruds", "clinician@Y90001"));
        assertThat(claims.get("role")).isEqualTo("clinician");
        assertThat(claims.get("organization")).isEqualTo("Y90001");
    }

    @Test
    void aPatientSignsInWithNhsLoginAndTheirNhsNumberLinksThemToTheirRecord() throws Exception {
        String id = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000025\"}]}")).path("id").asText();
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("nhslogin", "nhs-login-user-1", "JWT", List.of("joinedup"),
                Map.of("nhs_number", "9000000025", "identity_proofing_level", "P9"), 3600));
        JsonNode token = signIn("patients", "openid fhirUser launch/patient patient/*.rs");
        assertThat(claims(token).get("patient")).isEqualTo(id);
        assertThat(fhir.as(token.path("access_token").asText()).get("/Patient/" + id).status()).isEqualTo(200);
    }

    @Test
    void aPatientProofedOnlyToP5IsSignedInButNotGivenTheirRecord() throws Exception {
        fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000033\"}]}"));
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("nhslogin", "nhs-login-user-2", "JWT", List.of("joinedup"),
                Map.of("nhs_number", "9000000033", "identity_proofing_level", "P5"), 3600));
        assertThat(claims(signIn("patients", "openid launch/patient patient/*.rs"))).doesNotContainKey("patient");
    }

    @Test
    void theSignInPageOffersBothProviders() throws Exception {
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("NHS Care Identity Service 2", "NHS login", "/auth/external/staff", "/auth/external/patients");
    }

    private static Map<String, Object> claims(JsonNode token) throws Exception {
        return SignedJWT.parse(token.path("access_token").asText()).getJWTClaimsSet().getClaims();
    }

    /** The SMART app's authorize request, sign-in at the external provider, and the code exchange. */
    private JsonNode signIn(String provider, String scope) throws Exception {
        return signIn(provider, scope, null);
    }

    /** ... choosing this role ({@code role@organisation}) when the platform asks for one. */
    private JsonNode signIn(String provider, String scope, String role) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String verifier = "verifier-" + "x".repeat(50);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base + "/auth/oauth2/authorize?response_type=code&client_id=" + SignInFlow.APP + "&redirect_uri="
                + enc(SignInFlow.REDIRECT) + "&scope=" + enc(scope) + "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256";
        String location = SignInFlow.location(get(browser, authorize));
        assertThat(location).contains("/auth/login");
        location = SignInFlow.location(get(browser, base + "/auth/external/" + provider));
        // the external provider signs the user in and sends them back with a code, and the platform carries on
        for (int hops = 0; hops < 5 && !location.startsWith(SignInFlow.REDIRECT); hops++) {
            String url = location.startsWith("http") ? location : base + location;
            if (role != null && url.contains("/staff/role")) {
                String page = get(browser, url).body();
                String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
                String back = page.replaceAll("(?s).*name=\"continue\" value=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
                location = SignInFlow.location(browser.send(HttpRequest.newBuilder(URI.create(base + "/staff/role"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                                "role=" + enc(role) + "&continue=" + enc(back) + "&_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString()));
                continue;
            }
            location = SignInFlow.location(get(browser, url));
        }
        assertThat(location).startsWith(SignInFlow.REDIRECT);
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(base + "/auth/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + enc(SignInFlow.REDIRECT) + "&client_id=" + SignInFlow.APP + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = FhirClient.JSON.readTree(token.body());
        assertThat(answer.has("access_token")).as("token response: %s", token.body()).isTrue();
        return answer;
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
