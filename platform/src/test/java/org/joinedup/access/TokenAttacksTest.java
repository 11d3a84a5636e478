package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The FHIR API answers only to valid tokens of this platform's provider, issued for it and unexpired. */
class TokenAttacksTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    MintedTokens minted;

    @BeforeEach
    void keys() {
        minted = new MintedTokens(jdbc);
    }

    private void assertRefused(FhirClient client) {
        FhirClient.Response response = client.get("/Patient");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithABearerChallenge() {
        assertRefused(fhir.as(null));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertRefused(fhir.as(minted.forged()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(fhir.as(minted.expired()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(fhir.as(minted.forAudience("https://elsewhere.example/fhir")));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(fhir.as(minted.fromIssuer("https://elsewhere.example/auth")));
    }

    @Test
    void garbageIsRefused() {
        assertRefused(fhir.as("not-a-jwt"));
    }

    @Test
    void theCapabilityStatementIsPublic() {
        assertThat(fhir.as(null).get("/metadata").status()).isEqualTo(200);
    }

    @Test
    void aClientWithAWrongSecretGetsNoToken() {
        JsonNode answer = Tokens.clientCredentials(port, Tokens.DEMO_CLIENT, "wrong", "system/*.cruds");
        assertThat(answer.path("access_token").isMissingNode()).isTrue();
        assertThat(answer.path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aClientAskingForMoreThanItWasGrantedGetsNoToken() {
        JsonNode answer = Tokens.clientCredentials(port, "observation-feed", "feed-secret", "system/*.cruds");
        assertThat(answer.path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void theDemoClientGetsAJwtForTheFhirApi() {
        JsonNode answer = Tokens.clientCredentials(port, Tokens.DEMO_CLIENT, Tokens.DEMO_SECRET, "system/*.cruds");
        assertThat(answer.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.path("scope").asText()).isEqualTo("system/*.cruds");
        assertThat(answer.path("expires_in").asInt()).isPositive();
    }
}
