package org.joinedup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The platform under test: the built jar, started as its own process on a data directory, as a user would. */
final class Platform implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    final long startMillis;
    final int port;

    private Platform(Process process, Path dataDir, long startMillis, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.startMillis = startMillis;
        this.port = port;
    }

    /** How the JVM runs the platform's jar: as {@code java -jar} does, or with more classes on Spring Boot's {@code loader.path}. */
    static List<String> launch(Path jar, Path extraClasses) {
        if (extraClasses == null) {
            return List.of("-jar", jar.toString());
        }
        return List.of("-cp", jar.toString(), "-Dloader.path=" + extraClasses.toAbsolutePath(), "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    static Platform start(String java, List<String> jvmArgs, Path jar, Path dataDir, int port, Path log) throws Exception {
        return start(java, jvmArgs, launch(jar, null), dataDir, port, log);
    }

    static Platform start(String java, List<String> jvmArgs, List<String> launch, Path dataDir, int port, Path log) throws Exception {
        return start(java, jvmArgs, launch, dataDir, port, log, List.of());
    }

    static Platform start(String java, List<String> jvmArgs, List<String> launch, Path dataDir, int port, Path log, List<String> appArgs)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port, "--joinedup.database.data-dir=" + dataDir,
                "--logging.structured.format.console=", "--logging.level.root=WARN"));
        command.addAll(appArgs);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (MiniHttp http = new MiniHttp("127.0.0.1", port)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The platform exited; see " + log);
                }
                try {
                    if (http.get("/fhir/metadata").status() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    http.close();
                }
                Thread.sleep(20);
            }
        }
        return new Platform(process, dataDir, (System.nanoTime() - started) / 1_000_000, port);
    }

    /**
     * Memory in MB (proportional set size, so pages shared between processes count once): the JVM, and the
     * embedded PostgreSQL (the postmaster named in postmaster.pid, which is not the JVM's child, and its backends).
     */
    long[] memoryMegabytes() throws IOException {
        long jvm = pss(process.pid());
        long postgres = 0;
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            postgres += pss(postmaster);
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
                postgres += pss(child.pid());
            }
        }
        return new long[] {jvm / 1024, postgres / 1024};
    }

    private static long pss(long pid) throws IOException {
        Path rollup = Path.of("/proc/" + pid + "/smaps_rollup");
        if (!Files.exists(rollup)) {
            return 0;
        }
        for (String line : Files.readAllLines(rollup)) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Removes a benchmark's data directory (its log beside it is kept). */
    static void deleteTree(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
