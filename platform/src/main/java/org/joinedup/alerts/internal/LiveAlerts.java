package org.joinedup.alerts.internal;

import org.joinedup.shared.LiveStreams;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Staff pages watching alerts, each a server-sent event stream: told (event {@code alerts}) whenever an alert
 * they see is raised or changes, so the page fetches the list again. On one node; each node tells its own
 * watchers of the changes it makes (and pages fetch again when they reconnect, as they do after a restart).
 */
@Component
class LiveAlerts implements SmartLifecycle {

    private record Watcher(String username, String role, String organisation) {
    }

    private final LiveStreams<Watcher> streams = new LiveStreams<>();
    private volatile boolean running;

    SseEmitter watch(String username, String role, String organisation) {
        return streams.open(new Watcher(username, role, organisation));
    }

    void changed(Alert alert) {
        streams.tell(w -> alert.shownTo(w.username(), w.role(), w.organisation()), "alerts", alert.id().toString());
    }

    void keepAlive() {
        streams.keepAlive();
    }

    int watching() {
        return streams.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.endAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
