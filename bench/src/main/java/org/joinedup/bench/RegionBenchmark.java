package org.joinedup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Patients per second generated (to NDJSON) and loaded straight into the store (on a fresh platform's first
 * start), for the demographics and problem lists of a large region, or with their care ({@code --care=true}).
 * Prints figures; see docs/benchmarks.md.
 */
public final class RegionBenchmark {

    private RegionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int patients = Integer.parseInt(options.getOrDefault("patients", "200000"));
        String care = options.getOrDefault("care", "false");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("platform/target/joinedup.jar");
        System.out.println("JoinedUp region benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + patients + " patients, care "
                + care);

        Path ndjson = Files.createTempDirectory("joinedup-region-ndjson");
        Process generate = new ProcessBuilder(java, "-XX:+UseParallelGC", "-jar", jar.toString(), "generate-region", "--patients=" + patients,
                "--seed=2026", "--date=2026-11-26", "--care=" + care, "--out=" + ndjson).redirectErrorStream(true).start();
        String generated = new String(generate.getInputStream().readAllBytes()).strip();
        generate.waitFor();
        System.out.println("generate to NDJSON: " + generated.lines().reduce((a, b) -> b).orElse(generated));
        Platform.deleteTree(ndjson);

        Path dataDir = Files.createTempDirectory("joinedup-region-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> jvm = new ArrayList<>(List.of(StoreBenchmark.RECOMMENDED_JVM_OPTIONS.split(" ")));
        long started = System.nanoTime();
        try (Platform platform = Platform.start(java, jvm, Platform.launch(jar, null), dataDir, 18090, log,
                List.of("--joinedup.demo.region.patients=" + patients, "--joinedup.demo.region.care=" + care, "--joinedup.demo.region.date=2026-11-26",
                        "--joinedup.hl7.mllp-port=-1", "--logging.level.org.joinedup.demo=INFO"))) {
            String loaded = null;
            while (loaded == null) {
                loaded = Files.readAllLines(log).stream().filter(line -> line.contains("Loaded the demo region")).findFirst().orElse(null);
                if (loaded == null) {
                    Thread.sleep(500);
                }
            }
            System.out.println("load into the store: " + loaded.substring(loaded.indexOf("Loaded")));
            System.out.printf("first start, including loading: %.1f s; data directory %s MB%n", (System.nanoTime() - started) / 1e9,
                    size(dataDir) / 1_000_000);
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    private static long size(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
