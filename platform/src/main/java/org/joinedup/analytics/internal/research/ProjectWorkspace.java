package org.joinedup.analytics.internal.research;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.joinedup.analytics.internal.ViewColumns;

/**
 * A project's own database, for one run: an in-memory DuckDB holding only the views and columns the project was
 * approved for, read from the views' Parquet files, pseudonymised ({@link Pseudonymisation}) and without the people
 * the national data opt-out or a GP type 1 objection keeps out. Once made, it can read no files and its settings are
 * locked, so a query sees the project's tables and nothing else.
 */
final class ProjectWorkspace implements AutoCloseable {

    /** A view as a project may use it: its name, resource type and the columns approved. */
    record ProjectView(String name, String resource, List<ViewColumns.Column> columns) {

        /** The column naming the person a row is about (the patient view's own id), or null for rows about no one. */
        String personColumn() {
            if (resource.equals("Patient")) {
                return "id";
            }
            return columns.stream().anyMatch(c -> c.name().equals("patient")) ? "patient" : null;
        }
    }

    /** Dissent from secondary use of GP patient identifiable data (type 1 opt-out), and its withdrawal (SNOMED CT). */
    static final String TYPE_1_DISSENT = "827241000000103";
    static final String TYPE_1_WITHDRAWN = "827261000000102";

    private final Connection connection;

    private ProjectWorkspace(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param views the views and columns approved (every view also needs the plain {@code patient} view and the
     *              {@code observation} view's files, read here for the opt-outs, never shown)
     * @param cleared NHS numbers cleared by the national data opt-out check, sorted
     */
    static ProjectWorkspace open(Path parquet, List<ProjectView> views, Pseudonymisation rules, long[] cleared) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE _cleared (nhs BIGINT)");
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, "_cleared")) {
                for (long number : cleared) {
                    appender.beginRow().append(number).endRow();
                }
            }
            sql.execute("CREATE TEMP TABLE _excluded AS SELECT id FROM " + file(parquet, "patient")
                    + " WHERE nhs_number IS NULL OR TRY_CAST(nhs_number AS BIGINT) NOT IN (SELECT nhs FROM _cleared)"
                    + (Files.exists(parquet.resolve("observation.parquet")) ? " UNION SELECT patient FROM (SELECT patient, arg_max(code, effective) AS latest FROM "
                    + file(parquet, "observation") + " WHERE code IN ('" + TYPE_1_DISSENT + "', '" + TYPE_1_WITHDRAWN + "') AND patient IS NOT NULL"
                    + " GROUP BY patient) WHERE latest = '" + TYPE_1_DISSENT + "'" : ""));
            for (ProjectView view : views) {
                List<String> columns = new ArrayList<>();
                view.columns().stream().map(rules::column).filter(Objects::nonNull).forEach(columns::add);
                String person = view.personColumn();
                sql.execute("CREATE TABLE " + Pseudonymisation.quoted(view.name()) + " AS SELECT " + String.join(", ", columns) + " FROM "
                        + file(parquet, view.name()) + (person == null ? "" : " WHERE " + Pseudonymisation.quoted(person) + " IS NULL OR "
                        + Pseudonymisation.quoted(person) + " NOT IN (SELECT id FROM _excluded)"));
            }
            sql.execute("DROP TABLE _cleared");
            sql.execute("DROP TABLE _excluded");
            sql.execute("SET enable_external_access = false");
            sql.execute("SET lock_configuration = true");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new ProjectWorkspace(connection);
    }

    Connection connection() {
        return connection;
    }

    private static String file(Path parquet, String view) {
        return "read_parquet('" + parquet.resolve(view + ".parquet").toAbsolutePath().toString().replace("'", "''") + "')";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
