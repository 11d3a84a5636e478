package org.joinedup.identity.internal;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.UUID;
import org.joinedup.identity.IdentityProperties;
import org.joinedup.identity.TokenKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The provider's RSA signing key, made on first start and kept in the database so that tokens outlive a
 * restart and every node of a cluster signs alike.
 */
@Component
class SigningKeyStore implements TokenKeys {

    /** A key and the id published with it in the JWK set. */
    record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    }

    private final SigningKey key;
    private final String issuer;

    SigningKeyStore(JdbcTemplate jdbc, IdentityProperties properties) {
        this.key = loadOrCreate(jdbc);
        this.issuer = properties.issuer();
    }

    SigningKey key() {
        return key;
    }

    @Override
    public RSAPublicKey signingKey() {
        return key.publicKey();
    }

    @Override
    public String issuer() {
        return issuer;
    }

    private static SigningKey loadOrCreate(JdbcTemplate jdbc) {
        List<SigningKey> existing = read(jdbc);
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        KeyPair pair = generate();
        jdbc.update("INSERT INTO identity_signing_key (kid, public_key, private_key, created) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT DO NOTHING", UUID.randomUUID().toString(), pair.getPublic().getEncoded(),
                pair.getPrivate().getEncoded());
        return read(jdbc).getFirst();
    }

    private static List<SigningKey> read(JdbcTemplate jdbc) {
        return jdbc.query("SELECT kid, public_key, private_key FROM identity_signing_key ORDER BY created DESC, kid LIMIT 1",
                (rs, i) -> decode(rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
    }

    private static SigningKey decode(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKey(kid, (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("The stored token signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
