package org.joinedup.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit's local journal: on the caller's thread, before the answer is sent, each entry gets its sequence number
 * and its place in a segment file (under a lock held only for that), and is then written there (outside the lock,
 * at its place), so it is in the operating system's page cache and survives the process. If it cannot be written,
 * the access is refused. {@link JournalShipper} chains the entries in order and copies them to the database, and
 * makes the journal durable on disk for whatever the database has not taken; a segment is deleted once every entry
 * in it is there. A line is {@code <20-digit seq> <json after "seq">}; segments are named by their first sequence
 * number and are zero-filled past their last line.
 */
final class AuditJournal {

    /** A new segment starts when the current one has no room for the next line. */
    static final int SEGMENT_BYTES = 16 * 1024 * 1024;
    /** How often the journal checks that its segment is still on disk (a removed journal is refused from then on). */
    private static final long CHECK_NANOS = 20_000_000;
    private static final int SEQ_DIGITS = 20;

    /** A journalled entry: numbered, with its JSON as it will be chained. */
    record Journalled(AuditEntry entry, String json) {
    }

    private final Path directory;
    private FileChannel channel;
    private FileChannel previous;
    private Path segment;
    private long position;
    private long size;
    private long checked;
    private long seq;

    /** Opens the journal after the given sequence number (the database's, or the journal's own if it is further on). */
    AuditJournal(Path directory, long headSeq) {
        this.directory = directory;
        this.seq = headSeq;
    }

    /**
     * Journals an entry whose JSON, but for its sequence number, was written by the caller ({@code ,"at":...}).
     * Only numbering and reserving room happen under the lock; the write is made outside it.
     */
    Journalled append(AuditEntry unnumbered, String jsonAfterSeq) throws IOException {
        boolean interrupted = Thread.interrupted(); // an interrupted caller would close the journal's channel for every thread
        try {
            return appendUninterrupted(unnumbered, jsonAfterSeq);
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Journalled appendUninterrupted(AuditEntry unnumbered, String jsonAfterSeq) throws IOException {
        byte[] body = jsonAfterSeq.getBytes(StandardCharsets.UTF_8);
        int length = SEQ_DIGITS + 1 + body.length + 1;
        long number;
        FileChannel file;
        Path path;
        long at;
        synchronized (this) {
            if (channel == null || !channel.isOpen() || size - position < length || segmentMayBeGone()) {
                open(seq + 1, length);
            }
            number = ++seq;
            file = channel;
            path = segment;
            at = position;
            position += length;
        }
        byte[] line = new byte[length];
        String digits = Long.toString(number);
        java.util.Arrays.fill(line, 0, SEQ_DIGITS - digits.length(), (byte) '0');
        digits.getBytes(0, digits.length(), line, SEQ_DIGITS - digits.length());
        line[SEQ_DIGITS] = ' ';
        System.arraycopy(body, 0, line, SEQ_DIGITS + 1, body.length);
        line[length - 1] = '\n';
        writeAt(file, path, ByteBuffer.wrap(line), at);
        return new Journalled(AuditWriter.numbered(number, unnumbered), "{\"seq\":" + number + jsonAfterSeq);
    }

    /**
     * Writes a line at its place (the caller's interrupt held back by {@link #append}); if the channel was closed all
     * the same (an interrupt arriving during the write, or another thread's), the segment is opened again and the
     * write made there.
     */
    private void writeAt(FileChannel file, Path path, ByteBuffer bytes, long at) throws IOException {
        boolean late = false;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    while (bytes.hasRemaining()) {
                        at += file.write(bytes, at);
                    }
                    if (attempt > 1) {
                        closeIfOwn(file);
                    }
                    return;
                } catch (java.nio.channels.ClosedChannelException closed) {
                    late |= Thread.interrupted(); // held back while the write is made again, then kept for the caller
                    if (attempt == 3) {
                        throw closed;
                    }
                    file = reopened(path, file);
                }
            }
        } finally {
            if (late) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The segment opened again after its channel was closed under it (shared again if it is still the one being written). */
    private synchronized FileChannel reopened(Path path, FileChannel closed) throws IOException {
        if (channel == closed && closed != null && !closed.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.WRITE);
            return channel;
        }
        if (channel != null && channel.isOpen() && path.equals(segment)) {
            return channel;
        }
        return FileChannel.open(path, StandardOpenOption.WRITE); // an older segment: made durable and closed after the write
    }

    /** A channel opened for one write to an older segment: made durable and closed (the journal's own are forced by {@link #force}). */
    private synchronized void closeIfOwn(FileChannel file) throws IOException {
        if (file != channel && file != previous) {
            file.force(false);
            file.close();
        }
    }

    /** The last sequence number given. */
    synchronized long head() {
        return seq;
    }

    private boolean segmentMayBeGone() {
        long now = System.nanoTime();
        if (now - checked < CHECK_NANOS) {
            return false;
        }
        checked = now;
        return !Files.exists(segment);
    }

    /** Makes what was written durable on disk, outside the journal's lock (an entry still being written is made durable by the next call). */
    void force() throws IOException {
        FileChannel current;
        FileChannel before;
        synchronized (this) {
            current = channel;
            before = previous;
            previous = null;
        }
        if (before != null) {
            before.force(false);
            before.close();
        }
        if (current != null) {
            current.force(false);
        }
    }

    /** Deletes the segments whose entries are all at or below {@code shipped}, except the one being written. */
    void release(long shipped) throws IOException {
        Path current;
        synchronized (this) {
            current = segment;
        }
        List<Path> segments = segments(directory);
        for (int i = 0; i + 1 < segments.size(); i++) {
            long nextFirst = firstSeq(segments.get(i + 1));
            if (nextFirst - 1 <= shipped && !segments.get(i).equals(current)) {
                Files.deleteIfExists(segments.get(i));
            }
        }
    }

    synchronized void close() {
        for (FileChannel open : new FileChannel[] {previous, channel}) {
            if (open != null) {
                try {
                    open.force(false);
                    open.close();
                } catch (IOException ignored) {
                    // closing on shutdown
                }
            }
        }
        previous = null;
        channel = null;
    }

    /** Starts a segment: the one before is kept open until the next force, as callers may still be writing to it. */
    private void open(long firstSeq, int atLeast) throws IOException {
        Files.createDirectories(directory);
        Path next = directory.resolve(String.format("journal-%020d.log", firstSeq));
        FileChannel opened = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long length = Math.max(SEGMENT_BYTES, Math.max(opened.size(), atLeast));
        long end = 0;
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        while (end < opened.size() && opened.read(probe.clear(), end) > 0) { // after a restart: continue after the last line
            probe.flip();
            int zero = 0;
            while (zero < probe.limit() && probe.get(zero) != 0) {
                zero++;
            }
            end += zero;
            if (zero < probe.limit()) {
                break;
            }
        }
        // written out in full now, so that a full disk is found here, not by an entry's write
        ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
        for (long at = opened.size(); at < length; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), length - at));
            opened.write(zeros, at);
        }
        opened.force(true);
        if (channel != null) {
            if (previous != null) {
                previous.close();
            }
            previous = channel;
        }
        channel = opened;
        segment = next;
        position = end;
        size = length;
        checked = System.nanoTime();
    }

    /** Every entry in the journal's segments, in order of sequence number. */
    static List<Journalled> read(Path directory) {
        List<Journalled> entries = new ArrayList<>();
        for (Path segment : segments(directory)) {
            try {
                byte[] bytes = Files.readAllBytes(segment);
                for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    parse(text.replace("\0", ""), entries);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The audit journal cannot be read: " + segment, e);
            }
        }
        entries.sort(Comparator.comparingLong(j -> j.entry().seq()));
        return entries;
    }

    /** A line; one cut short or never written (a crash mid-write: its access was not answered) is skipped. */
    private static void parse(String text, List<Journalled> entries) {
        if (text.length() < SEQ_DIGITS + 3 || text.charAt(SEQ_DIGITS) != ' ') {
            return;
        }
        try {
            long number = Long.parseLong(text.substring(0, SEQ_DIGITS));
            String json = "{\"seq\":" + number + text.substring(SEQ_DIGITS + 1);
            entries.add(new Journalled(AuditLines.entry(json), json));
        } catch (IllegalArgumentException cutShort) {
            // nothing after a crash mid-write was answered
        }
    }

    static List<Path> segments(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("journal-\\d{20}\\.log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long firstSeq(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(8, 28));
    }
}
