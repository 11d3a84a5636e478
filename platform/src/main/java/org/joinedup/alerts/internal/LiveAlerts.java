package org.joinedup.alerts.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Staff pages watching alerts, each a server-sent event stream: told (event {@code alerts}) whenever an alert
 * they see is raised or changes, so the page fetches the list again. On one node; each node tells its own
 * watchers of the changes it makes (and pages fetch again when they reconnect, as they do after a restart). Other
 * modules' boards hear of each change as an {@link org.joinedup.alerts.AlertChanged}.
 */
@Component
class LiveAlerts implements SmartLifecycle {

    private record Watcher(SseEmitter emitter, String username, String role, String organisation) {
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile boolean running;

    LiveAlerts(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    SseEmitter watch(String username, String role, String organisation) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watcher watcher = new Watcher(emitter, username, role, organisation);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        watchers.add(watcher);
        send(watcher, SseEmitter.event().comment("watching"));
        return emitter;
    }

    void changed(Alert alert) {
        events.publishEvent(new org.joinedup.alerts.AlertChanged(alert.id().toString(), alert.organisation(), alert.patientId(), alert.status()));
        for (Watcher watcher : watchers) {
            if (alert.shownTo(watcher.username(), watcher.role(), watcher.organisation())) {
                send(watcher, SseEmitter.event().name("alerts").data(alert.id().toString()));
            }
        }
    }

    /** A comment to each watcher, so that connections closed by the far end are noticed and let go. */
    void keepAlive() {
        watchers.forEach(w -> send(w, SseEmitter.event().comment("still here")));
    }

    int watching() {
        return watchers.size();
    }

    private void send(Watcher watcher, SseEmitter.SseEventBuilder event) {
        try {
            watcher.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            watchers.remove(watcher);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream (pages reconnect to whichever node answers), so a graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        watchers.forEach(w -> w.emitter().complete());
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
