package org.joinedup.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away cluster of Debian's installed PostgreSQL ({@code apt-get install postgresql}; .ci/run installs
 * it), started on a free loopback port with password authentication, for proving the external-database path.
 * As root, the server runs in a user namespace ({@code unshare -U}), as PostgreSQL refuses to run as root.
 */
final class DebianPostgres implements AutoCloseable {

    static final String PASSWORD = "external-secret";

    private final Path bin;
    private final Path directory;
    private final int port;

    private DebianPostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    static DebianPostgres start() throws IOException, InterruptedException {
        Path bin = installedBinaries();
        Path directory = Files.createTempDirectory("joinedup-external-pg");
        Files.writeString(directory.resolve("password"), PASSWORD);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DebianPostgres postgres = new DebianPostgres(bin, directory, port);
        postgres.run("initdb", "-D", directory.resolve("data").toString(), "-U", "postgres", "-A", "scram-sha-256",
                "--pwfile=" + directory.resolve("password"), "-E", "UTF8", "--locale=C.UTF-8");
        postgres.run("pg_ctl", "-D", directory.resolve("data").toString(), "-w", "-t", "60", "-l", directory.resolve("log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory, "start");
        return postgres;
    }

    /** The newest installed Debian PostgreSQL server, 15 or later. */
    static Path installedBinaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .filter(v -> v.getFileName().toString().matches("\\d+") && Integer.parseInt(v.getFileName().toString()) >= 15)
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Debian's PostgreSQL 15+ server is not installed: apt-get install postgresql (.ci/run does)", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "fast", "-w", "stop");
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
