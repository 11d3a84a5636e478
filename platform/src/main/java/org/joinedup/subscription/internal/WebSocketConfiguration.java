package org.joinedup.subscription.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Where the websocket channel listens. */
@Configuration
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/subscriptions/websocket";

    private final WebSocketChannel channel;

    WebSocketConfiguration(WebSocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(channel, PATH);
    }
}
