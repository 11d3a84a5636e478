package org.joinedup.monitoring.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.alerts.AlertChanged;
import org.joinedup.shared.LiveStreams;
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

    private record Watcher(String organisation, String ward) {
    }

    private final LiveStreams<Watcher> streams = new LiveStreams<>();
    /** The patients each ward's board showed when last fetched. */
    private final Map<String, Set<String>> shown = new ConcurrentHashMap<>();
    private volatile boolean running;

    SseEmitter watch(String organisation, String ward) {
        return streams.open(new Watcher(organisation, ward));
    }

    /** A ward's board was fetched, showing these patients. */
    void showing(String ward, Set<String> patients) {
        shown.put(ward, Set.copyOf(patients));
    }

    /** Something about a patient changed (a new score): the boards showing them are told. */
    void changedPatient(String patientId) {
        shown.forEach((ward, patients) -> {
            if (patients.contains(patientId)) {
                streams.tell(w -> w.ward().equals(ward), "board", ward);
            }
        });
    }

    @EventListener
    void on(AlertChanged change) {
        streams.tell(w -> w.organisation().equals(change.organisation()), "board", change.organisation());
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
