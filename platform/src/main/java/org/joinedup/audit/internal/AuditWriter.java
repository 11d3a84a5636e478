package org.joinedup.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records interactions in the audit with group commit. Each caller builds its entry (patients, AuditEvent)
 * on its own thread, queues it and waits; one writer thread takes whatever is queued and appends it to the
 * hash chain in one transaction ({@link ChainAppender}). A caller returns only once its entry is committed,
 * and fails if it was not, so that the access is refused.
 */
@Component
class AuditWriter implements FhirAuditSink, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 1000;
    private static final long WAIT_SECONDS = 10;

    /** An entry waiting for its place in the chain. */
    record Draft(Instant recorded, FhirInteraction interaction, List<String> patients, boolean breakGlass, String content) {
    }

    private record Pending(Draft draft, CompletableFuture<Void> done) {
    }

    private final JdbcTemplate jdbc;
    private final ChainAppender chain;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    AuditWriter(DataSource dataSource, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.chain = new ChainAppender(dataSource);
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
    }

    @Override
    public void record(FhirInteraction interaction) {
        if (!running) {
            throw new IllegalStateException("The audit writer has stopped");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(draft(interaction), done));
        try {
            done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit entry could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit entry was not written within " + WAIT_SECONDS + " s", e);
        }
    }

    /** The entry as the caller's thread can build it: everything but its place in the chain. */
    private Draft draft(FhirInteraction interaction) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> patients = new LinkedHashSet<>();
        Map<Long, List<String>> byKey = DisclosedPatients.lookUp(jdbc, interaction.disclosed());
        for (FhirInteraction.Disclosed resource : interaction.disclosed()) {
            patients.addAll(resource.patients() != null ? resource.patients() : byKey.getOrDefault(resource.key(), List.of()));
            if (resource.type().equals("Patient")) {
                patients.add(resource.id());
            }
        }
        List<String> patientList = List.copyOf(patients);
        boolean breakGlass = patientList.stream().anyMatch(interaction.agent().breakGlassPatients()::contains);
        return new Draft(now, interaction, patientList, breakGlass, BalpEvents.of(interaction, now, patientList, breakGlass));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                chain.append(batch.stream().map(Pending::draft).toList());
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.error("Writing {} audit entries failed; their accesses are refused", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
        chain.close();
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
