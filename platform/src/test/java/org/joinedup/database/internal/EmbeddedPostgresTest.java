package org.joinedup.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL is as durable as an installed one, private to this machine, and survives kill -9. */
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    @Test
    void runsWithFsyncAndSynchronousCommitOn() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(show(server, "fsync")).isEqualTo("on");
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(show(server, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void listensOnLoopbackOnlyAndWantsAPassword() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(show(server, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(server, "unix_socket_directories")).isEmpty();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), "wrong"))
                    .isInstanceOf(SQLException.class);
            Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress()).findFirst();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), server.port()), 1000))
                            .isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void refusesASecondProcessOnTheSameDataDirectory() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                    .hasMessageContaining("in use by another JoinedUp process");
        }
    }

    @Test
    void comesBackAfterTheJvmIsKilledStoppingTheLeftoverPostmaster() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("READY")) {
                // start-up logging
            }
            assertThat(line).as("child started the database").startsWith("READY");
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> leftover = LeftoverPostmaster.find(dataDir.resolve("postgres"));
        assertThat(leftover).as("the postmaster outlives the killed JVM").isPresent();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT note FROM survivor")) {
            assertThat(leftover.get().isAlive()).isFalse();
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("committed before kill -9");
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isFalse();
    }
}
