package org.joinedup.analytics.internal.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.joinedup.analytics.AnalyticsProperties;
import org.joinedup.database.DatabaseProperties;
import org.joinedup.fhir.FhirApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the exports kicked off on this node, {@code joinedup.analytics.export-workers} at a time, and looks after them:
 * a heartbeat for those it holds, failing those whose node was lost, and removing the files of exports past keeping.
 * Stopping lets a running page finish (threads are never interrupted: they write the audit), then fails what is left.
 */
@Component
class ExportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    private static final Duration CARE = Duration.ofSeconds(30);

    private final ExportJobs jobs;
    private final FhirApi fhir;
    private final AnalyticsProperties properties;
    private final Path root;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private ExecutorService workers;
    private ScheduledExecutorService care;
    private volatile boolean stopping;

    ExportRunner(ExportJobs jobs, FhirApi fhir, AnalyticsProperties properties, DatabaseProperties database) {
        this.jobs = jobs;
        this.fhir = fhir;
        this.properties = properties;
        this.root = properties.exportDir().isBlank() ? database.dataDir().resolve("exports") : Path.of(properties.exportDir());
    }

    /** Where an export's files are. */
    Path directory(UUID id) {
        return root.resolve(id.toString());
    }

    void submit(ExportRun run) {
        held.add(run.id());
        workers.execute(() -> run(run));
    }

    private void run(ExportRun run) {
        try {
            if (stopping || !jobs.start(run.id())) {
                return;
            }
            run.run(fhir, new ExportRun.Report() {
                @Override
                public void file(ExportJobs.File file) {
                    jobs.addFile(run.id(), file);
                }

                @Override
                public void progress(String progress) {
                    jobs.progress(run.id(), progress);
                }
            }, () -> stopping || jobs.cancelled(run.id()));
            if (stopping) {
                jobs.fail(run.id(), "The export was interrupted by a restart of the platform: kick it off again", expiry());
            } else {
                jobs.complete(run.id(), expiry());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Bulk export {} failed", run.id(), e);
            jobs.fail(run.id(), "The export failed (" + e.getClass().getSimpleName() + "); quote " + run.id() + " to the operators", expiry());
        } finally {
            held.remove(run.id());
        }
    }

    private Instant expiry() {
        return Instant.now().plus(properties.exportRetention());
    }

    /** Every half minute: the heartbeat, lost exports failed, expired ones' files removed. */
    private void look() {
        try {
            jobs.heartbeat(held);
            jobs.failLost(Instant.now().minus(CARE.multipliedBy(4)), expiry());
            for (UUID expired : jobs.expire(Instant.now())) {
                remove(directory(expired));
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("Looking after bulk exports failed; trying again in {}", CARE, e);
            }
        }
    }

    static void remove(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the export files in {}", directory, e);
        }
    }

    @Override
    public synchronized void start() {
        stopping = false;
        workers = Executors.newFixedThreadPool(properties.exportWorkers(), Thread.ofPlatform().name("bulk-export-", 1).daemon().factory());
        care = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bulk-export-care").daemon().factory());
        care.scheduleWithFixedDelay(this::look, 0, CARE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        care.shutdown();
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
            care.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (UUID left : held) {
            jobs.fail(left, "The export was interrupted by a restart of the platform: kick it off again", expiry());
        }
        workers = null;
    }

    @Override
    public boolean isRunning() {
        return workers != null;
    }
}
