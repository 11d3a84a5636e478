package org.joinedup.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit's local journal: each entry, hash-chained to the one before, is appended to a file on the caller's
 * thread before the answer is sent. If it cannot be appended, the access is refused. {@link JournalShipper}
 * copies entries to the database, where they are searched and verified; a segment file is deleted once every
 * entry in it is in the database. Segments are named by their first sequence number.
 */
final class AuditJournal {

    /** A new segment starts when the current one reaches this size. */
    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entry with its place in the chain. */
    record Chained(AuditEntry entry, String previousHash, String hash) {
    }

    private final Path directory;
    private FileChannel channel;
    private Path segment;
    private long segmentBytes;
    private long seq;
    private String hash;

    /** Opens the journal after the given head (the database's, or the journal's own if it is further on). */
    AuditJournal(Path directory, long headSeq, String headHash) {
        this.directory = directory;
        this.seq = headSeq;
        this.hash = headHash;
    }

    /** Appends an entry: its sequence number and hash are assigned here, in order. */
    synchronized Chained append(AuditWriter.Draft draft) throws IOException {
        if (channel == null || segmentBytes >= SEGMENT_BYTES || !Files.exists(segment)) {
            open(seq + 1);
        }
        AuditEntry entry = AuditWriter.entry(seq + 1, draft);
        String link = HashChain.link(hash, entry);
        Chained chained = new Chained(entry, hash, link);
        ByteBuffer line = ByteBuffer.wrap((toJson(chained) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            segmentBytes += channel.write(line);
        }
        seq = entry.seq();
        hash = link;
        return chained;
    }

    /** Makes what was appended durable on disk (called every few milliseconds, off the callers' threads). */
    synchronized void force() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
    }

    /** Deletes the segments whose entries are all at or below {@code shipped}, except the one being written. */
    synchronized void release(long shipped) throws IOException {
        List<Path> segments = segments(directory);
        for (int i = 0; i + 1 < segments.size(); i++) {
            long nextFirst = firstSeq(segments.get(i + 1));
            if (nextFirst - 1 <= shipped && !segments.get(i).equals(segment)) {
                Files.deleteIfExists(segments.get(i));
            }
        }
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing on shutdown
            }
            channel = null;
        }
    }

    private void open(long firstSeq) throws IOException {
        close();
        Files.createDirectories(directory);
        segment = directory.resolve(String.format("journal-%020d.log", firstSeq));
        channel = FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentBytes = channel.size();
    }

    /** Every entry in the journal's segments, in order. */
    static List<Chained> read(Path directory) {
        List<Chained> entries = new ArrayList<>();
        for (Path segment : segments(directory)) {
            try (Stream<String> lines = Files.lines(segment, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).forEach(line -> {
                    try {
                        entries.add(fromJson(JSON.readTree(line)));
                    } catch (IOException e) {
                        // a line cut short by a crash mid-write: nothing after it was answered
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("The audit journal cannot be read: " + segment, e);
            }
        }
        return entries;
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

    private static String toJson(Chained chained) {
        AuditEntry e = chained.entry();
        ObjectNode node = JSON.createObjectNode().put("seq", e.seq()).put("recorded", e.recorded().toString()).put("agent", e.agent())
                .put("agentKind", e.agentKind()).put("agentRole", e.agentRole()).put("organization", e.organization())
                .put("clientId", e.clientId()).put("action", e.action()).put("outcome", e.outcome()).put("breakGlass", e.breakGlass())
                .put("content", e.content()).put("prev", chained.previousHash()).put("hash", chained.hash());
        e.patients().forEach(node.putArray("patients")::add);
        return node.toString();
    }

    private static Chained fromJson(JsonNode n) {
        List<String> patients = new ArrayList<>();
        n.path("patients").forEach(p -> patients.add(p.asText()));
        AuditEntry entry = new AuditEntry(n.path("seq").asLong(), Instant.parse(n.path("recorded").asText()), text(n, "agent"),
                text(n, "agentKind"), text(n, "agentRole"), text(n, "organization"), text(n, "clientId"), text(n, "action"),
                text(n, "outcome"), n.path("breakGlass").asBoolean(), List.copyOf(patients), text(n, "content"));
        return new Chained(entry, text(n, "prev"), text(n, "hash"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
