package org.joinedup.notify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.joinedup.notify.NotifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * GOV.UK Notify's delivery receipts ({@code POST /callbacks/notify/receipts}): Notify calls with the bearer token
 * set on its callbacks page ({@code joinedup.notify.gov-uk-notify.callback-token}); {@code delivered} marks the
 * message delivered, any failure marks it failed with Notify's reason, for an operator to act on.
 */
@RestController
class NotifyReceipts {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Outbox outbox;
    private final NotifyProperties properties;

    NotifyReceipts(Outbox outbox, NotifyProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @PostMapping(path = "/callbacks/notify/receipts", consumes = "application/json")
    ResponseEntity<Void> receipt(@RequestHeader(name = "Authorization", required = false) String authorization, @RequestBody String body) {
        String token = properties.govUkNotify().callbackToken();
        if (token == null || token.isBlank() || authorization == null
                || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode receipt;
        try {
            receipt = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return ResponseEntity.badRequest().build();
        }
        String status = receipt.path("status").asText();
        if (!receipt.path("id").isTextual() || status.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        boolean delivered = "delivered".equals(status);
        String detail = delivered ? null : switch (status) {
            case "permanent-failure" -> "GOV.UK Notify: the number or address does not exist (permanent failure)";
            case "temporary-failure" -> "GOV.UK Notify: the phone was off or the inbox full for 72 hours (temporary failure)";
            case "technical-failure" -> "GOV.UK Notify: a technical failure at Notify";
            default -> "GOV.UK Notify: " + status;
        };
        if (!delivered && !status.endsWith("failure")) {
            return ResponseEntity.noContent().build(); // sending, pending: nothing to record yet
        }
        boolean known = outbox.receipt("gov-uk-notify", receipt.path("id").asText(), delivered, detail);
        return known ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Notify is not a signed-in user: this address checks Notify's own bearer token, without sessions or CSRF. */
    @Bean
    @Order(5)
    static SecurityFilterChain notifyCallbackChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/callbacks/notify/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .build();
    }
}
