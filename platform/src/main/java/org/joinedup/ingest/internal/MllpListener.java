package org.joinedup.ingest.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.joinedup.ingest.Hl7Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MLLP listener: each connection on a virtual thread; each frame ({@code <VT> message <FS><CR>}) is processed
 * in turn and answered with its acknowledgement in a frame. A frame larger than the limit is rejected (and kept)
 * and the connection closed.
 */
@Component
class MllpListener implements SmartLifecycle {

    static final int START = 0x0b;
    static final int END = 0x1c;
    static final int CR = 0x0d;
    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7Processor processor;
    private final Hl7Properties properties;
    private volatile ServerSocket server;

    MllpListener(Hl7Processor processor, Hl7Properties properties) {
        this.processor = processor;
        this.properties = properties;
    }

    /** The port listened on (useful when configured as 0), or -1. */
    int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    @Override
    public void start() {
        if (properties.mllpPort() < 0) {
            return;
        }
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(properties.mllpPort()));
        } catch (IOException e) {
            throw new IllegalStateException("The HL7 v2 MLLP listener cannot listen on port " + properties.mllpPort(), e);
        }
        Thread.ofPlatform().name("mllp-accept").daemon().start(this::accept);
        log.info("HL7 v2 MLLP listener on port {}", server.getLocalPort());
    }

    private void accept() {
        while (server != null && !server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("mllp-" + socket.getRemoteSocketAddress()).start(() -> serve(socket));
            } catch (IOException e) {
                if (server != null && !server.isClosed()) {
                    log.warn("MLLP accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            // the acknowledgement goes out in one segment at once: with Nagle's algorithm on, a sender that waits
            // for each acknowledgement would wait for its own delayed ACK (about 40 ms) on every message
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            log.debug("TCP_NODELAY not set", e);
        }
        String channel = "mllp " + socket.getInetAddress().getHostAddress();
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String message = frame(in);
                if (message == null) {
                    return;
                }
                String ack = message.length() > properties.maxMessageSize()
                        ? processor.tooLarge(message, channel, properties.maxMessageSize()) : processor.process(message, channel, null);
                out.write(framed(ack));
                out.flush();
            }
        } catch (IOException e) {
            log.debug("MLLP connection ended", e);
        }
    }

    /** The acknowledgement in its MLLP frame, as one array so that it is written in one call. */
    static byte[] framed(String ack) {
        byte[] content = ack.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[content.length + 3];
        frame[0] = START;
        System.arraycopy(content, 0, frame, 1, content.length);
        frame[content.length + 1] = END;
        frame[content.length + 2] = CR;
        return frame;
    }

    /** The next frame's content, or null at the end of the stream. Bytes outside frames are skipped. */
    private String frame(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                return null;
            }
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(2048);
        while ((b = in.read()) >= 0) {
            if (b == END) {
                in.mark(1);
                if (in.read() != CR) {
                    in.reset();
                }
                return message.toString(StandardCharsets.UTF_8);
            }
            message.write(b);
            if (message.size() > properties.maxMessageSize() + 1) {
                // keep reading to the end of the frame, but not into memory
                while ((b = in.read()) >= 0 && b != END) {
                    // skipped
                }
                return message.toString(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void stop() {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException ignored) {
                // stopping
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
