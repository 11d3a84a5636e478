package org.joinedup.analytics.internal.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One type's NDJSON files of an export: resources written a line each, a new file after the most a file may hold;
 * nothing written, no file. Each file closed is told to {@link Written}.
 */
final class NdjsonFiles implements AutoCloseable {

    /** A file finished: its name in the export's directory and how many resources it holds. */
    @FunctionalInterface
    interface Written {
        void file(String name, long resources);
    }

    private final Path directory;
    private final String type;
    private final int most;
    private final Written written;
    private OutputStream out;
    private String name;
    private int part;
    private long inFile;
    private long total;

    NdjsonFiles(Path directory, String type, int most, Written written) {
        this.directory = directory;
        this.type = type;
        this.most = most;
        this.written = written;
    }

    void write(byte[] bytes, int start, int end) throws IOException {
        if (out != null && inFile == most) {
            finish();
        }
        if (out == null) {
            name = type + "-" + (++part) + ".ndjson";
            out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(name)), 1 << 16);
            inFile = 0;
        }
        out.write(bytes, start, end - start);
        out.write('\n');
        inFile++;
        total++;
    }

    long total() {
        return total;
    }

    private void finish() throws IOException {
        out.close();
        out = null;
        written.file(name, inFile);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            finish();
        }
    }
}
