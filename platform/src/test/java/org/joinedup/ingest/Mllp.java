package org.joinedup.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal MLLP client, as a sending system would be: one frame out, one acknowledgement frame back. */
public final class Mllp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public Mllp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public String send(String message) throws IOException {
        out.write(0x0b);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(0x1c);
        out.write(0x0d);
        out.flush();
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                throw new IOException("closed before an acknowledgement");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IOException("closed mid-acknowledgement");
            }
            ack.write(b);
        }
        in.read(); // CR
        return ack.toString(StandardCharsets.UTF_8);
    }

    /** MSA-1 of an acknowledgement: AA, AE or AR. */
    public static String code(String ack) {
        return field(ack, "MSA", 1);
    }

    public static String field(String er7, String segment, int field) {
        for (String line : er7.split("\r")) {
            if (line.startsWith(segment + "|")) {
                String[] parts = line.split("\\|", -1);
                return parts.length > field ? parts[field] : "";
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
