package org.joinedup.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a thread of its own that wakes every few milliseconds (callers never signal it): makes the journal durable,
 * chains the journalled entries in order of sequence number (each line's hash covers the previous hash and its
 * JSON) and copies them to the database as a block; releases journal segments once their entries are there. When
 * the database refuses, the entries are kept and tried again: nothing journalled is dropped. A number that was
 * given out but never written (its caller was refused, or the node stopped mid-copy, so no answer was sent) is
 * recorded as a gap entry, so the chain stays whole and says so.
 */
final class JournalShipper {

    private static final Logger log = LoggerFactory.getLogger(JournalShipper.class);
    private static final int MAX_BLOCK = 5000;
    /** How long the shipper rests between rounds: entries are durable and in the database within about this long. */
    private static final long PAUSE_MILLIS = 50;
    /** How long a missing number may stay missing before it is recorded as a gap. */
    private static final long GAP_MILLIS = 5_000;
    private static final long FORCE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final AuditJournal journal;
    private final ConcurrentLinkedQueue<AuditJournal.Journalled> queue = new ConcurrentLinkedQueue<>();
    private final TreeMap<Long, AuditJournal.Journalled> waiting = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long shipped;
    private String hash;
    private long gapSince;
    private long lastForce;
    private boolean failing;

    JournalShipper(DataSource dataSource, AuditJournal journal, List<AuditJournal.Journalled> unshipped, AuditBlocks.Head head) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.shipped = head.seq();
        this.hash = head.hash();
        unshipped.forEach(entry -> waiting.put(entry.entry().seq(), entry));
        this.thread = Thread.ofPlatform().name("audit-shipper").daemon().start(this::run);
    }

    void enqueue(AuditJournal.Journalled entry) {
        queue.add(entry);
    }

    /** Entries journalled but not yet in the database. */
    long backlog() {
        return journal.head() - shipped;
    }

    private void run() {
        while (running || !queue.isEmpty() || !waiting.isEmpty()) {
            try {
                AuditJournal.Journalled entry;
                while ((entry = queue.poll()) != null) {
                    if (entry.entry().seq() <= shipped) {
                        // written more than GAP_MILLIS after its number was given, and already recorded as a gap
                        log.error("Audit entry {} ({}) was written after its number had been recorded as a gap; the gap entry stands in its place",
                                entry.entry().seq(), entry.entry().action());
                        continue;
                    }
                    waiting.put(entry.entry().seq(), entry);
                }
                List<AuditBlocks.Chained> block = chain();
                if (!block.isEmpty()) {
                    forceNowAndThen();
                    insert(block);
                    failing = false;
                    long before = shipped;
                    shipped = block.getLast().entry().seq();
                    hash = block.getLast().hash();
                    block.forEach(line -> waiting.remove(line.entry().seq()));
                    if (shipped / 10_000 != before / 10_000) {
                        journal.release(shipped); // now and then: it lists the journal's directory
                    }
                }
                if (queue.isEmpty() && (block.isEmpty() || block.size() < MAX_BLOCK)) {
                    if (!running && !waiting.isEmpty() && block.isEmpty()) {
                        return; // stopping with a gap that will not be filled: the journal keeps the rest for the next start
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.error("Copying {} audit entries to the database failed; they stay in the journal and are tried again", waiting.size(), e);
                failing = true;
                sleep();
            }
        }
    }

    /**
     * Once the database has committed a block, its entries are durable there; the journal only has to be durable
     * for entries the database has not taken. So it is forced to disk every second, and on every round while the
     * database refuses, rather than before each block: forcing the page being appended to makes the callers'
     * writes to it wait for the disk.
     */
    private void forceNowAndThen() throws java.io.IOException {
        long now = System.nanoTime();
        if (failing || now - lastForce > FORCE_NANOS) {
            journal.force();
            lastForce = now;
        }
    }

    /** The next block: the entries that follow the last one shipped without a gap, chained. */
    private List<AuditBlocks.Chained> chain() {
        List<AuditBlocks.Chained> block = new ArrayList<>();
        long next = shipped + 1;
        String previous = hash;
        if (!waiting.isEmpty() && waiting.firstKey() > next) {
            long now = System.currentTimeMillis();
            if (gapSince == 0) {
                gapSince = now;
            }
            if (now - gapSince < GAP_MILLIS) {
                return block;
            }
            for (long missing = next; missing < waiting.firstKey(); missing++) {
                waiting.put(missing, gap(missing));
            }
        }
        gapSince = 0;
        for (AuditJournal.Journalled entry : waiting.values()) {
            if (entry.entry().seq() != next || block.size() == MAX_BLOCK) {
                break;
            }
            String link = HashChain.link(previous, entry.json());
            block.add(new AuditBlocks.Chained(entry.entry(), entry.json(), link));
            previous = link;
            next++;
        }
        return block;
    }

    private static AuditJournal.Journalled gap(long seq) {
        AuditEntry entry = new AuditEntry(seq, Instant.now().truncatedTo(ChronoUnit.MICROS), "joinedup", "system", null, null, null, "audit-gap", "500",
                false, null, "-", "number " + seq + " was given out but its entry was never written; the access it was for was not answered",
                List.of(), List.of(), null);
        String json = AuditLines.json(entry);
        return new AuditJournal.Journalled(entry, json);
    }

    private void insert(List<AuditBlocks.Chained> lines) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            AuditBlocks.insert(connection, lines);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop(long waitMillis) throws InterruptedException {
        running = false;
        thread.join(waitMillis);
    }
}
