package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a patient typed into a portal form after their session had ended, kept so that it is not lost: held in the
 * database for two hours at most, found again by a random token in a cookie of that browser, and offered back only to
 * the same person for the same record. Who that is, is known from a second cookie the portal's pages keep up to date
 * (a keyed hash of the username and the record in view, never the name itself; keyed per start of the platform, so a
 * form held across a restart is not offered back).
 */
@Component
class HeldForms {

    static final String TOKEN_COOKIE = "JOINEDUP_HELD_FORM";
    static final String WHO_COOKIE = "JOINEDUP_PORTAL_WHO";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A form given back: where it was posted and its fields (the CSRF token left out). */
    record Held(String path, Map<String, List<String>> fields) {
    }

    private final JdbcTemplate jdbc;
    private final byte[] key = new byte[32];

    HeldForms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        RANDOM.nextBytes(key);
    }

    /** Marks the browser as this person's, looking at this record (a cookie set only when it changes). */
    void remember(String username, String patientId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) || attributes.getResponse() == null) {
            return;
        }
        String who = who(username, patientId);
        if (!who.equals(cookie(attributes.getRequest(), WHO_COOKIE).orElse(null))) {
            attributes.getResponse().addHeader("Set-Cookie", WHO_COOKIE + "=" + who + "; Path=/portal; HttpOnly; SameSite=Lax"
                    + (attributes.getRequest().isSecure() ? "; Secure" : ""));
        }
    }

    /** Holds a form posted after the session ended, if the browser says whose it was; true if held. */
    boolean hold(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        Optional<String> who = cookie(request, WHO_COOKIE);
        if (who.isEmpty()) {
            return false;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf")) {
                fields.put(name, Arrays.asList(values));
            }
        });
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        jdbc.update("DELETE FROM held_form WHERE held_at < now() - interval '2 hours'");
        jdbc.update("INSERT INTO held_form (token_hash, path, fields, who) VALUES (?, ?, ?::jsonb, ?)", sha256(token), request.getRequestURI(),
                JSON.writeValueAsString(fields), who.get());
        response.addHeader("Set-Cookie", TOKEN_COOKIE + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(token)
                + "; Path=/portal; Max-Age=7200; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
        return true;
    }

    /**
     * The form this browser holds, taken (deleted, and its cookie cleared) if it was held for this person and one of
     * the records they may look at; with the record it was for.
     */
    Optional<Map.Entry<String, Held>> take(HttpServletRequest request, HttpServletResponse response, String username, List<String> patientIds) {
        Optional<String> token = cookie(request, TOKEN_COOKIE);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        response.addHeader("Set-Cookie", TOKEN_COOKIE + "=; Path=/portal; Max-Age=0; HttpOnly; SameSite=Lax");
        byte[] hash;
        try {
            hash = sha256(Base64.getUrlDecoder().decode(token.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("DELETE FROM held_form WHERE token_hash = ? AND held_at > now() - interval '2 hours' "
                + "RETURNING path, fields::text AS fields, who", hash);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.getFirst();
        for (String patientId : patientIds) {
            if (who(username, patientId).equals(row.get("who"))) {
                return Optional.of(Map.entry(patientId, new Held((String) row.get("path"), fields((String) row.get("fields")))));
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> fields(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, List<String>>>() { });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private String who(String username, String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((username + "|" + patientId).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        return request.getCookies() == null ? Optional.empty()
                : Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    private static byte[] sha256(byte[] token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
