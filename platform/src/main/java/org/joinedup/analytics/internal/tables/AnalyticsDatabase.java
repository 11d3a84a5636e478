package org.joinedup.analytics.internal.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The analytics database: DuckDB embedded in the application, one file, holding the shipped views' tables and how far
 * they have followed the store. One writer at a time (the materialiser); readers each get a connection of their own
 * to the same database, so a query never waits for a write and sees committed rows only.
 */
public final class AnalyticsDatabase implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DuckDBConnection root;
    private final ReentrantLock writing = new ReentrantLock();

    public AnalyticsDatabase(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the analytics database " + file + ": " + e.getMessage(), e);
        }
    }

    /** A read, on a connection of its own. */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = root.duplicate()) {
            return work.on(connection);
        }
    }

    /** A write, one at a time, in one transaction (rolled back if it fails). */
    public <T> T write(Work<T> work) throws SQLException {
        writing.lock();
        try (DuckDBConnection connection = root.duplicate()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
