package org.joinedup.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket: little work on the client side, so that the
 * benchmark's own CPU use disturbs the server it measures as little as possible on a 2-core machine.
 */
final class MiniHttp implements AutoCloseable {

    /** Status and body of one answer. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private String bearer;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    MiniHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends this access token with every request from now on. */
    MiniHttp bearer(String token) {
        this.bearer = token;
        return this;
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    Answer post(String path, byte[] body, String contentType) throws IOException {
        return send("POST", path, body, contentType);
    }

    private Answer send(String method, String path, byte[] body, String contentType) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                        .append(host).append(':').append(port).append("\r\nAccept: application/fhir+json\r\n");
                if (bearer != null) {
                    head.append("Authorization: Bearer ").append(bearer).append("\r\n");
                }
                if (body != null) {
                    head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
                }
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private Answer read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        String header;
        while (!(header = line()).isEmpty()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0) {
                buffer.write(in.readNBytes(size));
                line();
            }
            line();
            body = buffer.toByteArray();
        } else {
            body = length < 0 ? new byte[0] : in.readNBytes((int) length);
        }
        if (closeAfter) {
            close();
        }
        return new Answer(code, body);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.isEmpty()) {
            throw new IOException("Connection closed");
        }
        return line.toString();
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
