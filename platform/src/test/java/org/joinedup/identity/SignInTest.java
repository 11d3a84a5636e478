package org.joinedup.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Map;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users sign in to the built-in provider and get tokens that say who they are and carry only their kind's scopes. */
class SignInTest extends FhirApiTest {

    static final String PASSWORD = "demo-password";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void demoPatients() {
        fhir.put("/Patient/demo-patient-1", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"name\":[{\"family\":\"Demo\"}]}");
        fhir.put("/Patient/demo-patient-2", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-2\",\"name\":[{\"family\":\"Unproofed\"}]}");
    }

    private static Map<String, Object> claims(JsonNode tokenResponse) throws Exception {
        return SignedJWT.parse(tokenResponse.path("access_token").asText()).getJWTClaimsSet().getClaims();
    }

    @Test
    void aProofedPatientGetsTheirOwnRecordAndOnlyPatientScopes() throws Exception {
        JsonNode token = new SignInFlow(port).signIn("patient", PASSWORD, "openid fhirUser launch/patient patient/*.rs user/*.cruds");
        Map<String, Object> claims = claims(token);
        assertThat(claims.get("patient")).isEqualTo("demo-patient-1");
        assertThat(claims.get("fhirUser")).isEqualTo("Patient/demo-patient-1");
        assertThat(claims.get("scope").toString()).contains("patient/*.rs").doesNotContain("user/");
        assertThat(token.path("patient").asText()).as("SMART launch context in the token response").isEqualTo("demo-patient-1");
        assertThat(token.has("id_token")).isTrue();

        FhirClient mine = fhir.as(token.path("access_token").asText());
        assertThat(mine.get("/Patient/demo-patient-1").status()).isEqualTo(200);
        assertThat(mine.get("/Patient/demo-patient-2").status()).isEqualTo(404);
    }

    @Test
    void aPatientWhoseIdentityIsNotProofedToP9SeesNoRecord() throws Exception {
        JsonNode token = new SignInFlow(port).signIn("unproofed.patient", PASSWORD, "openid fhirUser launch/patient patient/*.rs");
        assertThat(claims(token)).doesNotContainKey("patient");
        assertThat(fhir.as(token.path("access_token").asText()).get("/Patient/demo-patient-2").status()).isEqualTo(404);
    }

    @Test
    void aMemberOfStaffCarriesTheirRoleAndOrganisation() throws Exception {
        JsonNode token = new SignInFlow(port).signIn("gp.clinician", PASSWORD, "openid fhirUser user/*.cruds patient/*.rs");
        Map<String, Object> claims = claims(token);
        assertThat(claims.get("joinedup_kind")).isEqualTo("staff");
        assertThat(claims.get("role")).isEqualTo("clinician");
        assertThat(claims.get("organization")).isEqualTo("Y90001");
        assertThat(claims.get("scope").toString()).contains("user/*.cruds").doesNotContain("patient/");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndRepeatedFailuresLockTheAccount() throws Exception {
        jdbc.update("INSERT INTO account (username, password_hash, kind) VALUES ('lock.me', '{noop}right', 'patient') ON CONFLICT DO NOTHING");
        SignInFlow browser = new SignInFlow(port);
        assertThat(SignInFlow.location(browser.submitLogin("lock.me", "wrong"))).endsWith("/auth/login?error=credentials");
        for (int i = 0; i < 4; i++) {
            browser.submitLogin("lock.me", "wrong");
        }
        HttpResponse<String> locked = browser.submitLogin("lock.me", "right");
        assertThat(SignInFlow.location(locked)).endsWith("/auth/login?error=locked");
    }

    @Test
    void theSignInPageIsAnNhsStylePageWithCsrfAndSecurityHeaders() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/auth/login?error=credentials")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("nhsuk-error-summary", "There is a problem", "Enter a correct username and password", "name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options").orElse("")).isEqualTo("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        java.net.http.HttpResponse<String> css = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/nhsuk/nhsuk-frontend.min.css")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
    }
}
