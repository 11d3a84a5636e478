package org.joinedup.alerts.internal;

import org.joinedup.alerts.AlertChanged;
import org.joinedup.shared.LiveStreams;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Staff pages watching alerts, each a server-sent event stream: told (event {@code alerts}) whenever an alert
 * they see is raised or changes, so the page fetches the list again. On one node; each node tells its own
 * watchers of the changes it makes (and pages fetch again when they reconnect, as they do after a restart). Other
 * modules' boards hear of each change as an {@link AlertChanged}.
 */
@Component
class LiveAlerts implements SmartLifecycle {

    private record Watcher(String username, String role, String organisation) {
    }

    private final LiveStreams<Watcher> streams = new LiveStreams<>();
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    LiveAlerts(ApplicationEventPublisher events) {
        this.events = events;
    }

    SseEmitter watch(String username, String role, String organisation) {
        return streams.open(new Watcher(username, role, organisation));
    }

    void changed(Alert alert) {
        events.publishEvent(new AlertChanged(alert.id().toString(), alert.organisation(), alert.patientId(), alert.status()));
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
