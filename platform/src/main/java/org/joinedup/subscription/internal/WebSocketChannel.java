package org.joinedup.subscription.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The websocket channel of FHIR R4 Subscriptions ({@code /subscriptions/websocket}, a system's bearer token on the
 * handshake): the client sends {@code bind <id>} for a websocket Subscription and is answered {@code bound <id>};
 * then each notification is {@code ping <id>}.
 */
@Component
class WebSocketChannel extends TextWebSocketHandler {

    private final Map<String, Set<WebSocketSession>> bound = new ConcurrentHashMap<>();
    private final SubscriptionRegistry registry;

    WebSocketChannel(SubscriptionRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String[] words = message.getPayload().strip().split("\\s+");
        if (!(session.getPrincipal() instanceof JwtAuthenticationToken token) || !"system".equals(token.getToken().getClaimAsString("joinedup_kind"))) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("Only systems may follow subscriptions"));
            return;
        }
        if (words.length != 2 || !words[0].equals("bind")) {
            send(session, "error expected: bind <subscription id>");
            return;
        }
        ActiveSubscription subscription = registry.find(words[1]);
        if (subscription == null || !"websocket".equals(subscription.channel())) {
            send(session, "error no active websocket Subscription " + words[1]);
            return;
        }
        bound.computeIfAbsent(words[1], id -> ConcurrentHashMap.newKeySet()).add(session);
        send(session, "bound " + words[1]);
    }

    void ping(String subscriptionId) {
        for (WebSocketSession session : bound.getOrDefault(subscriptionId, Set.of())) {
            send(session, "ping " + subscriptionId);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        bound.values().forEach(sessions -> sessions.remove(session));
    }

    private static void send(WebSocketSession session, String text) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.sendMessage(new TextMessage(text));
                }
            } catch (IOException e) {
                // the connection has gone; it is forgotten when it closes
            }
        }
    }
}
