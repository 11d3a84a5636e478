package org.joinedup.access.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.identity.IdentityProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /.well-known/smart-configuration}: how SMART apps and backend services get tokens for the FHIR API. */
@RestController
class SmartConfiguration {

    private final Map<String, Object> document;

    SmartConfiguration(IdentityProperties identity) {
        String issuer = identity.issuer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/oauth2/jwks");
        doc.put("authorization_endpoint", issuer + "/oauth2/authorize");
        doc.put("token_endpoint", issuer + "/oauth2/token");
        doc.put("introspection_endpoint", issuer + "/oauth2/introspect");
        doc.put("revocation_endpoint", issuer + "/oauth2/revoke");
        doc.put("userinfo_endpoint", issuer + "/userinfo");
        doc.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        doc.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
        doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "RS256", "ES384"));
        doc.put("scopes_supported", List.of("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs", "patient/*.cruds",
                "user/*.rs", "user/*.cruds", "system/*.rs", "system/*.cruds"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
                "client-confidential-asymmetric", "context-standalone-patient", "permission-patient", "permission-user",
                "permission-v1", "permission-v2", "sso-openid-connect"));
        this.document = Map.copyOf(doc);
    }

    @GetMapping(path = "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> smartConfiguration() {
        return document;
    }
}
