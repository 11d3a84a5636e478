package org.joinedup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secure data environment at region scale: a region generated (with care), the shipped views run over its NDJSON
 * into Parquet by the platform's {@code view-files} command (resources a second), the view tables scaled up to the
 * population by copying each person under new ids (practices kept), echocardiograms added for half the people with
 * heart failure (the generator has no procedures), then a cohort count by practice timed in DuckDB: people over 65
 * with heart failure and no echo in two years. Prints figures; see docs/benchmarks.md.
 */
public final class CohortBenchmark {

    static final String COHORT = "SELECT p.practice, count(*) AS people FROM patient p"
            + " WHERE p.birth_date <= '1961-11-26'"
            + " AND p.id IN (SELECT patient FROM condition WHERE code = '84114007' AND clinical_status = 'active')"
            + " AND p.id NOT IN (SELECT patient FROM procedure WHERE code = '40701008' AND performed >= '2024-11-26')"
            + " GROUP BY p.practice ORDER BY p.practice";

    private CohortBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int patients = Integer.parseInt(options.getOrDefault("patients", "100000"));
        long population = Long.parseLong(options.getOrDefault("population", "7400000"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = "platform/target/joinedup.jar";
        System.out.println("JoinedUp cohort benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + patients
                + " generated patients scaled to " + population);
        Path ndjson = Files.createTempDirectory("joinedup-cohort-ndjson");
        Path parquet = Files.createTempDirectory("joinedup-cohort-parquet");
        try {
            System.out.println("generate: " + last(run(java, "-XX:+UseParallelGC", "-jar", jar, "generate-region", "--patients=" + patients,
                    "--seed=2026", "--date=2026-11-26", "--care=true", "--out=" + ndjson)));
            System.out.println("views to Parquet: " + last(run(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-jar", jar,
                    "view-files", "--in=" + ndjson, "--out=" + parquet)));
            long copies = Math.max(1, Math.round((double) population / patients));
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
                long started = System.nanoTime();
                sql.execute("CREATE TABLE patient AS SELECT * REPLACE (id || '-' || c AS id) FROM read_parquet('" + parquet.resolve("patient.parquet")
                        + "'), range(" + copies + ") t(c)");
                sql.execute("CREATE TABLE condition AS SELECT * REPLACE (patient || '-' || c AS patient) FROM read_parquet('"
                        + parquet.resolve("condition.parquet") + "'), range(" + copies + ") t(c)");
                sql.execute("CREATE TABLE procedure AS SELECT DISTINCT patient, 'completed' AS status, CAST(DATE '2022-01-01' + CAST(hash(patient) % 1400 AS INTEGER)"
                        + " AS VARCHAR) AS performed, '40701008' AS code FROM condition WHERE code = '84114007' AND hash(patient) % 2 = 0");
                System.out.printf("scaled tables: %,d patients, %,d conditions, %,d echocardiograms in %.1f s%n", count(sql, "patient"),
                        count(sql, "condition"), count(sql, "procedure"), (System.nanoTime() - started) / 1e9);
                List<Double> times = new ArrayList<>();
                long people = 0;
                int practices = 0;
                for (int i = 0; i < 6; i++) {
                    long t = System.nanoTime();
                    people = 0;
                    practices = 0;
                    try (ResultSet rows = sql.executeQuery(COHORT)) {
                        while (rows.next()) {
                            people += rows.getLong(2);
                            practices++;
                        }
                    }
                    times.add((System.nanoTime() - t) / 1e9);
                }
                double first = times.removeFirst();
                Collections.sort(times);
                System.out.printf("cohort count (over 65, heart failure, no echo in two years, by practice): %,d people in %d practices;"
                        + " first %.2f s, median of 5 after %.2f s%n", people, practices, first, times.get(2));
            }
        } finally {
            Platform.deleteTree(ndjson);
            Platform.deleteTree(parquet);
        }
    }

    private static long count(Statement sql, String table) throws Exception {
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static String last(String output) {
        return output.lines().reduce((a, b) -> b).orElse(output);
    }
}
