package org.joinedup.analytics.internal.tables;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.joinedup.analytics.internal.ViewRunner;

/** Runs the shipped views over NDJSON files into Parquet files (see {@link org.joinedup.analytics.ViewFiles}); prints how fast. */
public final class ViewFilesCommand {

    private static final int BATCH = 10_000;

    private ViewFilesCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = org.joinedup.shared.CommandOptions.of(args);
        Path in = Path.of(options.getOrDefault("in", "region"));
        Path out = Path.of(options.getOrDefault("out", "parquet"));
        ViewRunner runner = ShippedViews.runner();
        List<ShippedViews.Shipped> views = ShippedViews.load(runner);
        long started = System.nanoTime();
        long resources = 0;
        Path scratch = Files.createTempFile("joinedup-views", ".duckdb");
        Files.delete(scratch);
        try (AnalyticsDatabase database = new AnalyticsDatabase(scratch)) {
            ParquetFiles parquet = new ParquetFiles(database, out);
            for (ShippedViews.Shipped view : views) {
                Path file = in.resolve(view.view().resource() + ".ndjson");
                database.write(connection -> {
                    view.table().create(connection);
                    return null;
                });
                if (Files.exists(file)) {
                    resources += run(database, runner, view, file);
                }
                parquet.write(view.name());
                System.out.printf("%s: %,d rows%n", view.name(), database.read(c -> {
                    try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM " + ViewTable.quoted(view.name()))) {
                        r.next();
                        return r.getLong(1);
                    }
                }));
            }
        } finally {
            Files.deleteIfExists(scratch);
            Files.deleteIfExists(scratch.resolveSibling(scratch.getFileName() + ".wal"));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Viewed %,d resources into %s in %.1f s: %,.0f resources/s%n", resources, out.toAbsolutePath(), seconds, resources / seconds);
    }

    private static long run(AnalyticsDatabase database, ViewRunner runner, ShippedViews.Shipped view, Path file) throws Exception {
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, List<Map<String, Object>>> batch = new LinkedHashMap<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Resource resource = runner.parse(line);
                batch.put(resource.getIdElement().getIdPart(), view.view().rows(resource));
                count++;
                if (batch.size() == BATCH) {
                    append(database, view, batch);
                    batch = new LinkedHashMap<>();
                }
            }
            append(database, view, batch);
        }
        return count;
    }

    private static void append(AnalyticsDatabase database, ShippedViews.Shipped view, Map<String, List<Map<String, Object>>> batch) throws Exception {
        database.write(connection -> {
            view.table().append(connection, batch);
            return null;
        });
    }
}
