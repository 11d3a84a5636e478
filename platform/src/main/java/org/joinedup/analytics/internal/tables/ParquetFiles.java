package org.joinedup.analytics.internal.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The views' Parquet files ({@code <view>.parquet}), written by DuckDB from the tables (without the {@code _key}
 * column) to a temporary file and moved into place, so a reader (Spark, DuckDB elsewhere) never sees half a file.
 */
final class ParquetFiles {

    private final AnalyticsDatabase database;
    private final Path directory;

    ParquetFiles(AnalyticsDatabase database, Path directory) {
        this.database = database;
        this.directory = directory;
    }

    Path file(String view) {
        return directory.resolve(view + ".parquet");
    }

    void write(String view) throws SQLException, IOException {
        Files.createDirectories(directory);
        Path partial = directory.resolve(view + ".parquet.partial");
        database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT * EXCLUDE (_key) FROM " + ViewTable.quoted(view) + ") TO '"
                        + partial.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return null;
        });
        Files.move(partial, file(view), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
