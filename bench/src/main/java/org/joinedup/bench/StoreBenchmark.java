package org.joinedup.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The FHIR store benchmark (see docs/benchmarks.md): starts the built platform on a fresh data directory,
 * loads the Synthea sample as transaction Bundles at concurrency 1 and 4, then measures reads and searches
 * at concurrency 8 and $everything, and prints the figures as a Markdown table.
 *
 * <p>Run with {@code bench/run}. Options: {@code --seconds=10 --warmup=30 --port=18080 --jar=<another build>
 * --jvm-args="..." --synthea=<folder>}, {@code --without-audit} (the same build with an audit sink that records
 * nothing, to measure what audit writing costs), {@code --skip-aot} (no AOT-cache start-up figures), and, for quick
 * comparisons while working, {@code --data=<data directory of an earlier run>} (no loading: queries only) and
 * {@code --only=<start of a query's name>}.
 */
public final class StoreBenchmark {

    /** The JVM options the README recommends, as ./mvnw spring-boot:run applies them. */
    static final String RECOMMENDED_JVM_OPTIONS = "-XX:+UseParallelGC -Xms128m -Xmx2g";

    private static final Pattern PATIENT = Pattern.compile("\"resourceType\":\"Patient\",\"id\":\"([^\"]+)\"");
    private static final Pattern FAMILY = Pattern.compile("\"family\":\"([^\"]+)\"");
    private static final Pattern CODING = Pattern.compile("\"code\":\\{\"coding\":\\[\\{\"system\":\"([^\"]+)\",\"code\":\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern NEXT = Pattern.compile("\"relation\":\"next\",\"url\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "platform/target/joinedup.jar"));
        Path synthea = Path.of(options.getOrDefault("synthea", "platform/src/test/resources/testdata/synthea"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        String java = options.getOrDefault("java", ProcessHandle.current().info().command().orElse("java"));
        List<String> jvmArgs = List.of(options.getOrDefault("jvm-args", RECOMMENDED_JVM_OPTIONS).split(" "));
        boolean withoutAudit = List.of(args).contains("--without-audit");
        List<String> launch = Platform.launch(jar, withoutAudit ? Path.of("bench/target/classes") : null);
        Path dataDir = options.containsKey("data") ? Path.of(options.get("data")) : Files.createTempDirectory("joinedup-bench");
        boolean load = !options.containsKey("data");
        String only = options.getOrDefault("only", "");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Results results = new Results();

        System.out.println("JoinedUp store benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, data in " + dataDir
                + ", JVM arguments " + jvmArgs + ", log " + log + (withoutAudit ? ", WITHOUT AUDIT" : ""));
        if (load) {
            try (Platform first = Platform.start(java, jvmArgs, launch, dataDir, port, log)) {
                results.put("start-up to ready, fresh data directory (includes initdb)", first.startMillis + " ms");
            }
        }
        try (Platform platform = Platform.start(java, jvmArgs, launch, dataDir, port, log)) {
            long[] memory = platform.memoryMegabytes();
            results.put("start-up to ready, existing data directory", platform.startMillis + " ms");
            results.put("memory after start (PSS: JVM / PostgreSQL)", memory[0] + " MB / " + memory[1] + " MB");
            new StoreBenchmark(port, seconds, warmup, results, only).run(synthea, load);
            long[] loaded = platform.memoryMegabytes();
            results.put("memory after the benchmark (PSS: JVM / PostgreSQL)", loaded[0] + " MB / " + loaded[1] + " MB");
        }
        if (withoutAudit || List.of(args).contains("--skip-aot")) {
            results.print();
            return;
        }
        Path aot = AotCache.train(java, jar, log, port);
        List<String> withCache = new ArrayList<>(jvmArgs);
        withCache.add("-XX:AOTCache=" + aot);
        try (Platform cached = Platform.start(java, withCache, aot.resolveSibling("joinedup.jar"), dataDir, port, log)) {
            long[] memory = cached.memoryMegabytes();
            results.put("start-up to ready with the JDK AOT cache (see README), existing data", cached.startMillis + " ms");
            results.put("memory after start with the AOT cache (PSS: JVM / PostgreSQL)", memory[0] + " MB / " + memory[1] + " MB");
        }
        results.print();
    }

    private final int port;
    private final int seconds;
    private final int warmup;
    private final Results results;
    private final String token;
    private final String only;

    private StoreBenchmark(int port, int seconds, int warmup, Results results, String only) throws IOException, InterruptedException {
        this.only = only;
        this.port = port;
        this.seconds = seconds;
        this.warmup = warmup;
        this.results = results;
        this.token = DemoToken.fetch(port);
    }

    private void run(Path synthea, boolean load) throws Exception {
        if (load) {
            ingest(synthea);
        }
        Sample sample = sample();
        results.put("data", sample.patients.size() + " patients; $everything patient has " + sample.everythingSize + " resources");
        queries(sample);
    }

    private void ingest(Path synthea) throws Exception {
        List<Path> files;
        try (var list = Files.list(synthea)) {
            files = list.sorted().toList();
        }
        List<byte[]> reference = new ArrayList<>();
        List<byte[]> patients = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            (name.startsWith("practitioner") || name.startsWith("hospital") ? reference : patients).add(gunzip(file));
        }
        reference.sort(Comparator.comparing(b -> new String(b, 0, Math.min(b.length, 4000)).contains("Practitioner") ? 0 : 1));
        try (MiniHttp http = http()) {
            for (byte[] bundle : reference) {
                check(http.post("/fhir", bundle, "application/fhir+json"));
            }
        }
        long resources = patients.stream().mapToLong(StoreBenchmark::entries).sum();
        results.put("ingest, transaction Bundles, concurrency 1", perSecond(resources, ingest(patients, 1)) + " resources/s");
        results.put("ingest, transaction Bundles, concurrency 4", perSecond(resources, ingest(patients, 4)) + " resources/s");

        results.put("data loaded", (resources * 2 + reference.stream().mapToLong(StoreBenchmark::entries).sum()) + " resources");
        // Let autovacuum analyse the freshly loaded tables, as it would on a live system, before measuring queries.
        Thread.sleep(20_000);
    }

    private void queries(Sample sample) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        load("GET /Patient/{id}", () -> "/fhir/Patient/" + sample.patients.get(random(sample.patients.size())));
        load("Observation?patient=X&code=Y", () -> {
            int i = random(sample.patients.size());
            return "/fhir/Observation?patient=" + sample.patients.get(i) + "&code=" + sample.codes.get(i);
        });
        load("Patient?name=Z", () -> "/fhir/Patient?name=" + sample.families.get(random(sample.families.size())));
        load("Observation?patient=X&_sort=-date&_count=50",
                () -> "/fhir/Observation?patient=" + sample.patients.get(random(sample.patients.size())) + "&_sort=-date&_count=50");
        if ("$everything".startsWith(only)) {
            everything(sample.everythingPatient);
        }
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private long ingest(List<byte[]> bundles, int concurrency) throws Exception {
        Queue<byte[]> queue = new ConcurrentLinkedQueue<>(bundles);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (MiniHttp http = http()) {
                    byte[] bundle;
                    while ((bundle = queue.poll()) != null) {
                        check(http.post("/fhir", bundle, "application/fhir+json"));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - started;
    }

    /** What the queries ask for: patients, a code each has, family names, and a patient for $everything. */
    private record Sample(List<String> patients, List<String> codes, List<String> families, String everythingPatient, int everythingSize) {
    }

    private Sample sample() throws IOException {
        try (MiniHttp http = http()) {
            String bundle = http.get("/fhir/Patient?_count=1000").text();
            List<String> patients = all(PATIENT, bundle, 1);
            List<String> families = new ArrayList<>(all(FAMILY, bundle, 1).stream().map(String::toLowerCase).distinct().toList());
            List<String> codes = new ArrayList<>();
            String everythingPatient = null;
            int closest = Integer.MAX_VALUE;
            int everythingSize = 0;
            for (String patient : patients) {
                Matcher coding = CODING.matcher(http.get("/fhir/Observation?patient=" + patient + "&_count=1").text());
                codes.add(coding.find() ? coding.group(1) + "|" + coding.group(2) : "none");
                Matcher total = TOTAL.matcher(http.get("/fhir/Patient/" + patient + "/$everything?_count=1").text());
                int size = total.find() ? Integer.parseInt(total.group(1)) : 0;
                if (Math.abs(size - 1200) < closest) {
                    closest = Math.abs(size - 1200);
                    everythingPatient = patient;
                    everythingSize = size;
                }
            }
            return new Sample(patients, codes, families, everythingPatient, everythingSize);
        }
    }

    /**
     * Eight clients for {@code seconds}, after a warm-up of {@code warmup} seconds (long enough for the JIT to
     * compile the request path on a small machine); throughput and latency percentiles.
     */
    private void load(String name, Supplier<String> paths) throws Exception {
        if (!name.startsWith(only)) {
            return;
        }
        run(paths, warmup, new Latencies());
        Latencies latencies = new Latencies();
        long elapsed = run(paths, seconds, latencies);
        results.put(name + ", concurrency 8", perSecond(latencies.count(), elapsed) + " req/s, p50 "
                + format(latencies.percentileMillis(50)) + " ms, p99 " + format(latencies.percentileMillis(99)) + " ms");
    }

    private long run(Supplier<String> paths, int duration, Latencies latencies) throws Exception {
        long deadline = System.nanoTime() + duration * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Latencies mine = new Latencies();
                try (MiniHttp http = http()) {
                    while (System.nanoTime() < deadline) {
                        String path = paths.get();
                        long t = System.nanoTime();
                        if (http.get(path).status() != 200) {
                            failures.incrementAndGet();
                        }
                        mine.add((System.nanoTime() - t) / 1000);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                latencies.addAll(mine);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        return System.nanoTime() - started;
    }

    private void everything(String patient) throws IOException {
        Latencies latencies = new Latencies();
        try (MiniHttp http = http()) {
            for (int i = 0; i < 60; i++) {
                long t = System.nanoTime();
                String next = "/fhir/Patient/" + patient + "/$everything";
                int pages = 0;
                while (next != null) {
                    String page = check(http.get(next)).text();
                    pages++;
                    Matcher link = NEXT.matcher(page);
                    next = link.find() ? link.group(1).replaceFirst("^https?://[^/]+", "") : null;
                }
                if (i >= 10) {
                    latencies.add((System.nanoTime() - t) / 1000);
                }
                if (i == 0) {
                    results.put("$everything pages (default page size)", Integer.toString(pages));
                }
            }
        }
        results.put("$everything, all pages, sequential", "p50 " + format(latencies.percentileMillis(50)) + " ms, p99 "
                + format(latencies.percentileMillis(99)) + " ms");
    }

    private MiniHttp http() {
        return new MiniHttp("127.0.0.1", port).bearer(token);
    }

    private static MiniHttp.Answer check(MiniHttp.Answer answer) {
        if (answer.status() >= 300) {
            throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.text().substring(0, Math.min(500, answer.text().length())));
        }
        return answer;
    }

    private static long entries(byte[] bundle) {
        String text = new String(bundle);
        long count = 0;
        int index = 0;
        while ((index = text.indexOf("\"request\"", index) + 1) > 0) {
            count++;
        }
        return count;
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String perSecond(long count, long nanos) {
        return String.format("%,d", Math.round(count / (nanos / 1e9)));
    }

    private static String format(double millis) {
        return String.format("%.1f", millis);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    /** The figures, in the order measured. */
    private static final class Results {
        private final Map<String, String> figures = new LinkedHashMap<>();

        void put(String measure, String figure) {
            figures.put(measure, figure);
            System.out.println(measure + ": " + figure);
            System.out.flush();
        }

        void print() {
            System.out.println();
            System.out.println("| measure | result |");
            System.out.println("|---|---|");
            figures.forEach((measure, figure) -> System.out.println("| " + measure + " | " + figure + " |"));
        }
    }
}
