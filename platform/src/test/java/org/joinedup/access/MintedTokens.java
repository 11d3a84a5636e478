package org.joinedup.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tokens signed with the platform's own signing key, carrying the claims the built-in provider gives users,
 * for testing the access rules on users' tokens; and tokens an attacker might present (forged, expired,
 * for another audience).
 */
public final class MintedTokens {

    static final String ISSUER = "http://localhost:8080/auth";
    static final String AUDIENCE = "http://localhost:8080/fhir";

    private final PrivateKey key;
    private final String keyId;

    public MintedTokens(JdbcTemplate jdbc) {
        Map<String, Object> row = jdbc.queryForMap("SELECT kid, private_key FROM identity_signing_key ORDER BY created DESC LIMIT 1");
        try {
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec((byte[]) row.get("private_key")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.keyId = (String) row.get("kid");
    }

    /** A patient's token: their own record, with SMART patient scopes. */
    public String patient(String patientId, String scope) {
        return sign(claims("patient-" + patientId).claim("joinedup_kind", "patient").claim("patient", patientId)
                .claim("fhirUser", "Patient/" + patientId).claim("scope", scope).build(), key);
    }

    /** A member of staff's token. */
    public String staff(String subject, String role, String organization, String practitioner, String scope) {
        return sign(claims(subject).claim("joinedup_kind", "staff").claim("role", role).claim("organization", organization)
                .claim("fhirUser", practitioner == null ? null : "Practitioner/" + practitioner).claim("scope", scope).build(), key);
    }

    public String expired() {
        Instant past = Instant.now().minusSeconds(3600);
        return sign(claims("late").claim("joinedup_kind", "system").claim("scope", "system/*.rs")
                .issueTime(Date.from(past.minusSeconds(900))).expirationTime(Date.from(past)).build(), key);
    }

    public String forAudience(String audience) {
        return sign(claims("elsewhere").claim("joinedup_kind", "system").claim("scope", "system/*.rs").audience(audience).build(), key);
    }

    public String fromIssuer(String issuer) {
        return sign(claims("impostor").claim("joinedup_kind", "system").claim("scope", "system/*.rs").issuer(issuer).build(), key);
    }

    /** A token with the right claims signed by a key that is not the platform's. */
    public String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims("forger").claim("joinedup_kind", "system").claim("scope", "system/*.cruds").build(),
                    generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(List.of(AUDIENCE))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim("client_id", "test-app");
    }

    private String sign(JWTClaimsSet claims, PrivateKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
