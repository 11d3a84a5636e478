package org.joinedup.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens already verified (signature, issuer, audience), so that a client presenting the same
 * token on every request pays for the RSA check once. A remembered token is still refused once expired.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private static final int MAX_REMEMBERED = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && !known.getExpiresAt().isAfter(now)) {
                verified.remove(token);
                throw new BadJwtException("The token has expired");
            }
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.entrySet().removeIf(e -> e.getValue().getExpiresAt() == null || !e.getValue().getExpiresAt().isAfter(now));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
