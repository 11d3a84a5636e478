package org.joinedup.monitoring.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joinedup.alerts.AlertChanged;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The ward boards open on this node, each a server-sent event stream told (event {@code board}) when something on
 * its organisation's boards changed: a new NEWS2 score, an alert raised or changed. The board then fetches its rows.
 */
@Component
class WardBoardStream implements SmartLifecycle {

    private record Watcher(SseEmitter emitter, String organisation) {
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    SseEmitter watch(String organisation) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watcher watcher = new Watcher(emitter, organisation);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        watchers.add(watcher);
        send(watcher, SseEmitter.event().comment("watching"));
        return emitter;
    }

    void changed(String organisation) {
        watchers.stream().filter(w -> w.organisation().equals(organisation)).forEach(w -> send(w, SseEmitter.event().name("board").data(organisation)));
    }

    @EventListener
    void on(AlertChanged change) {
        changed(change.organisation());
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
