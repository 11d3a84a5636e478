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
 * The ward boards open on this node, each a server-sent event stream told (event {@code board}) when something on it
 * changed: a new NEWS2 score for a patient it shows, an alert of its organisation raised or changed. The board then
 * fetches its rows (and does anyway every minute, for admissions and discharges).
 */
@Component
class WardBoardStream implements SmartLifecycle {

    private record Watcher(SseEmitter emitter, String organisation, String ward) {
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    /** The patients each ward's board showed when last fetched. */
    private final java.util.Map<String, java.util.Set<String>> shown = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;

    SseEmitter watch(String organisation, String ward) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watcher watcher = new Watcher(emitter, organisation, ward);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        watchers.add(watcher);
        send(watcher, SseEmitter.event().comment("watching"));
        return emitter;
    }

    /** A ward's board was fetched, showing these patients. */
    void showing(String ward, java.util.Set<String> patients) {
        shown.put(ward, java.util.Set.copyOf(patients));
    }

    /** Something about a patient changed (a new score): the boards showing them are told. */
    void changedPatient(String patientId) {
        shown.forEach((ward, patients) -> {
            if (patients.contains(patientId)) {
                watchers.stream().filter(w -> w.ward().equals(ward)).forEach(w -> send(w, SseEmitter.event().name("board").data(ward)));
            }
        });
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
