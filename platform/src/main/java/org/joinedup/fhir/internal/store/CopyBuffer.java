package org.joinedup.fhir.internal.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyBuffer {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private boolean lineStarted;
    private int rows;

    CopyBuffer value(String text) {
        separator();
        if (text == null) {
            out.writeBytes(NULL);
            return this;
        }
        int length = text.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        out.writeBytes((start == 0 ? text : text.substring(start)).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Writes UTF-8 JSON bytes, escaping backslashes and control characters for COPY. */
    CopyBuffer json(byte[] json) {
        separator();
        if (json == null) {
            out.writeBytes(NULL);
            return this;
        }
        int start = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                out.write(json, start, i - start);
                out.write('\\');
                out.write(b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : 'r');
                start = i + 1;
            }
        }
        out.write(json, start, json.length - start);
        return this;
    }

    CopyBuffer value(long number) {
        separator();
        out.writeBytes(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    CopyBuffer value(Object value) {
        return value(value == null ? null : value.toString());
    }

    void endRow() {
        out.write('\n');
        lineStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void separator() {
        if (lineStarted) {
            out.write('\t');
        }
        lineStarted = true;
    }

    private static final byte[] NULL = {'\\', 'N'};
}
