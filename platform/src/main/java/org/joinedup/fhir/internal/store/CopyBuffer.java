package org.joinedup.fhir.internal.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes)
 * straight into a COPY stream, so that no large buffer is built for a large Bundle.
 */
final class CopyBuffer {

    private static final byte[] NULL = {'\\', 'N'};

    private final OutputStream out;
    private boolean lineStarted;

    CopyBuffer(OutputStream out) {
        this.out = out;
    }

    CopyBuffer value(String text) {
        separator();
        if (text == null) {
            write(NULL, 0, 2);
            return this;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        escaped(bytes);
        return this;
    }

    /** Writes UTF-8 JSON bytes, escaping backslashes and control characters for COPY. */
    CopyBuffer json(byte[] json) {
        separator();
        if (json == null) {
            write(NULL, 0, 2);
        } else {
            escaped(json);
        }
        return this;
    }

    CopyBuffer value(long number) {
        separator();
        byte[] digits = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
        write(digits, 0, digits.length);
        return this;
    }

    CopyBuffer value(Object value) {
        return value(value == null ? null : value.toString());
    }

    void endRow() {
        write('\n');
        lineStarted = false;
    }

    private void escaped(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                write(bytes, start, i - start);
                write('\\');
                write(b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : 'r');
                start = i + 1;
            }
        }
        write(bytes, start, bytes.length - start);
    }

    private void separator() {
        if (lineStarted) {
            write('\t');
        }
        lineStarted = true;
    }

    private void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
