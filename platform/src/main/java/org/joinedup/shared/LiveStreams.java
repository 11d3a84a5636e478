package org.joinedup.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams of one kind of live page on this node, each with what it watches ({@code W}): a page
 * opens one, the platform tells the streams whose watch matches that something changed, and the page fetches what it
 * shows again. Streams that fail are let go; all are ended when the application stops, so a graceful shutdown does not
 * wait for them (pages reconnect to whichever node answers).
 */
public final class LiveStreams<W> {

    private record Stream<W>(SseEmitter emitter, W watch) {
    }

    private final List<Stream<W>> streams = new CopyOnWriteArrayList<>();

    /** A new stream for a page, open for half an hour (the page opens another after). */
    public SseEmitter open(W watch) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Stream<W> stream = new Stream<>(emitter, watch);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        streams.add(stream);
        send(stream, SseEmitter.event().comment("watching"));
        return emitter;
    }

    /** Tells the streams whose watch matches: an event of this name, with this data. */
    public void tell(Predicate<W> which, String event, String data) {
        for (Stream<W> stream : streams) {
            if (which.test(stream.watch())) {
                send(stream, SseEmitter.event().name(event).data(data));
            }
        }
    }

    /** A comment to every stream, so that connections closed by the far end are noticed and let go. */
    public void keepAlive() {
        streams.forEach(s -> send(s, SseEmitter.event().comment("still here")));
    }

    public int size() {
        return streams.size();
    }

    /** Ends every stream. */
    public void endAll() {
        streams.forEach(s -> s.emitter().complete());
        streams.clear();
    }

    private void send(Stream<W> stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            streams.remove(stream);
        }
    }
}
