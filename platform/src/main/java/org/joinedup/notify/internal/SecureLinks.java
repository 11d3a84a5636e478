package org.joinedup.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.joinedup.notify.NotifyProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links in messages: {@code /portal/go/{token}}, a random token of 128 bits that leads to one portal page after
 * sign-in, until it expires. The token is kept only as its SHA-256 hash. A link grants nothing by itself: the
 * page it opens is the patient's own, behind sign-in, so a forwarded or overlooked message shows nobody else anything.
 */
@Component
class SecureLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final NotifyProperties properties;

    SecureLinks(JdbcTemplate jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new link to the portal page, for the patient's message, usable until {@code expires} (or the configured lifetime, if sooner). */
    String create(String messageReference, String patientId, String portalPath, Instant expires) {
        if (!portalPath.startsWith("/portal")) {
            throw new IllegalArgumentException("A message's link must open a portal page, not " + portalPath);
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant lifetime = Instant.now().plus(properties.linkLifetime());
        Instant until = expires != null && expires.isBefore(lifetime) ? expires : lifetime;
        jdbc.update("INSERT INTO message_link (token_hash, message_ref, patient_id, target, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash(token), messageReference, patientId, portalPath, Timestamp.from(until));
        return properties.publicUrl().toString().replaceAll("/$", "") + "/portal/go/" + token;
    }

    /** The page a link opens, if the token is one of ours and has not expired; each opening is counted. */
    Optional<String> open(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return jdbc.query("""
                UPDATE message_link SET opens = opens + 1, opened_at = coalesce(opened_at, now())
                WHERE token_hash = ? AND expires_at > now() RETURNING target""", (rs, n) -> rs.getString(1), (Object) hash(token)).stream().findFirst();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
