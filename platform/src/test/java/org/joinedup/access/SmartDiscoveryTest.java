package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/** SMART apps and backend services find how to get tokens without reading any documentation. */
class SmartDiscoveryTest extends FhirApiTest {

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return FhirClient.JSON.readTree(response.body());
    }

    @Test
    void smartConfigurationNamesTheProvidersEndpointsAndCapabilities() throws Exception {
        JsonNode smart = get("/.well-known/smart-configuration");
        assertThat(smart.path("issuer").asText()).isEqualTo("http://localhost:8080/auth");
        assertThat(smart.path("token_endpoint").asText()).isEqualTo("http://localhost:8080/auth/oauth2/token");
        assertThat(smart.path("capabilities").toString()).contains("permission-v2", "client-confidential-asymmetric");
        assertThat(smart.path("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
    }

    @Test
    void theProviderPublishesOpenIdDiscoveryAndItsKeys() throws Exception {
        JsonNode discovery = get("/auth/.well-known/openid-configuration");
        assertThat(discovery.path("issuer").asText()).isEqualTo("http://localhost:8080/auth");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo("http://localhost:8080/auth/oauth2/token");
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo("http://localhost:8080/auth/oauth2/jwks");
        JsonNode keys = get("/auth/oauth2/jwks");
        assertThat(keys.path("keys").path(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(keys.path("keys").path(0).has("d")).as("no private part is published").isFalse();
    }
}
