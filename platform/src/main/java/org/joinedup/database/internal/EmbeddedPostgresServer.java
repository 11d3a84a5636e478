package org.joinedup.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the class path, as durable as an installed one:
 * fsync and synchronous commit on (the library's defaults turn them off), listening on loopback only,
 * password authentication, no Unix socket, data kept in {@code <dataDir>/postgres} across restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    /** Server settings; each overrides a default of the embedding library or of PostgreSQL. */
    static final Map<String, String> SERVER_CONFIG = Map.ofEntries(
            Map.entry("fsync", "on"),
            Map.entry("synchronous_commit", "on"),
            // The audit commits without waiting for its flush (see AuditWriter); the WAL writer flushes every 10 ms.
            Map.entry("wal_writer_delay", "10ms"),
            Map.entry("full_page_writes", "on"),
            Map.entry("listen_addresses", "127.0.0.1"),
            Map.entry("unix_socket_directories", ""),
            Map.entry("max_connections", "100"),
            Map.entry("shared_buffers", "256MB"),
            Map.entry("work_mem", "16MB"),
            Map.entry("maintenance_work_mem", "128MB"),
            Map.entry("max_wal_size", "2GB"),
            Map.entry("random_page_cost", "1.1"),
            Map.entry("jit", "off"),
            // Keep planner statistics and visibility maps current soon after bulk loads (default: once a minute, at 10-20%).
            Map.entry("autovacuum_naptime", "5s"),
            Map.entry("autovacuum_analyze_scale_factor", "0.02"),
            Map.entry("autovacuum_vacuum_scale_factor", "0.05"),
            Map.entry("autovacuum_vacuum_insert_scale_factor", "0.05"),
            Map.entry("timezone", "UTC"),
            // The server's own log, kept in <dataDir>/postgres/log, one file per weekday, overwritten weekly.
            Map.entry("logging_collector", "on"),
            Map.entry("log_directory", "log"),
            Map.entry("log_filename", "postgresql-%a.log"),
            Map.entry("log_truncate_on_rotation", "on"),
            Map.entry("log_rotation_age", "1d"),
            Map.entry("log_rotation_size", "0"));

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres, String password) {
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts the server on {@code <dataDir>/postgres}, creating it on first use and stopping any orphaned postmaster. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        long started = System.nanoTime();
        try {
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            Path pgData = dataDir.resolve("postgres");
            Path passwordFile = dataDir.resolve("postgres.password");
            LeftoverPostmaster.stopIfRunning(pgData);
            boolean secured = Files.exists(passwordFile);
            String password = secured ? Files.readString(passwordFile).trim() : newPassword();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            SERVER_CONFIG.forEach(builder::setServerConfig);
            if (secured) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(lock, postgres, password);
            if (!secured) {
                server.requirePassword(pgData, passwordFile);
            }
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} with data in {} ({} ms)", postgres.getPort(),
                    pgData.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
        }
    }

    /** First start only: sets the superuser's password, then allows password (SCRAM) logins alone. */
    private void requirePassword(Path pgData, Path passwordFile) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER USER " + USER + " PASSWORD '" + password + "'");
            Files.writeString(passwordFile, password);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(pgData.resolve("pg_hba.conf"), """
                    # Written by JoinedUp: loopback TCP with a password only.
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not secure the embedded PostgreSQL", e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
