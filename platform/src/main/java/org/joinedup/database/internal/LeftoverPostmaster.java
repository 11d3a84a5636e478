package org.joinedup.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running on a data directory by a JVM that died without stopping it (for example
 * after {@code kill -9}). Left alone it holds {@code postmaster.pid} and blocks the next start; so it is
 * asked to shut down (SIGTERM: no new sessions, checkpoint, exit), and killed if it will not.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration CLEAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private LeftoverPostmaster() {
    }

    /** Stops the postmaster named in {@code postmaster.pid} if it is still alive; the caller holds the data directory lock. */
    static void stopIfRunning(Path pgData) throws IOException {
        Optional<ProcessHandle> postmaster = find(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping a leftover PostgreSQL postmaster (pid {}) on {}", process.pid(), pgData);
        List<ProcessHandle> children = process.children().toList();
        process.destroy();
        if (!waitForExit(process, CLEAN_SHUTDOWN_WAIT)) {
            log.warn("Leftover postmaster {} did not shut down in {}; killing it", process.pid(), CLEAN_SHUTDOWN_WAIT);
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : children) {
            waitForExit(child, Duration.ofSeconds(10));
        }
        log.info("Leftover postmaster {} stopped", process.pid());
    }

    static Optional<ProcessHandle> find(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverPostmaster::isPostgres);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }
}
