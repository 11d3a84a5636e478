package org.joinedup.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Falls alerts under load: 200 medication dispensers and 200 falls lamps in a care home, then batches of events sent
 * to {@code /devices/events} at a steady rate (by default 10,000 events a second for 30 s): devices' heartbeats (kept),
 * and one in a hundred a fall from a lamp (kept, and an alert raised to the home's care workers). Prints the events
 * a second accepted, and for the falls the time from the batch's sending to the alert being raised (read from the
 * platform's database afterwards), p50, p99 and the slowest, after a warm-up at the same rate that is not measured.
 * Arguments: seconds (30), events a second (10000), events per batch (500), seconds of warm-up (30).
 */
public final class FallAlertsBenchmark {

    /**
     * The store benchmarks' options (the parallel collector): on two cores shared with the benchmark's own client, G1's
     * concurrent work costs more in the tail than the parallel collector's pauses (p99 2.2 s against 0.6 to 1.1 s).
     */
    static final String LATENCY_JVM_OPTIONS = StoreBenchmark.RECOMMENDED_JVM_OPTIONS;

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private FallAlertsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-falls-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = 18098;
        System.out.println("JoinedUp falls alert benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + rate + " events/s in batches of "
                + batch + " for " + seconds + " s, one event in 100 a fall");
        try (Platform platform = Platform.start(java, new ArrayList<>(List.of(LATENCY_JVM_OPTIONS.split(" "))),
                Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                List.of("--joinedup.demo.region.load=false", "--joinedup.hl7.mllp-port=-1"))) {
            String base = "http://127.0.0.1:" + port;
            String token = DemoToken.fetch(port);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            String home = DeviceEventsBenchmark.create(http, base, token, "Organization", "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                    + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"VNB01\"}],\"name\":\"Benchmark Lodge Care Home\"}");
            List<String> dispensers = new ArrayList<>();
            List<String> lamps = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String patient = DeviceEventsBenchmark.create(http, base, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench" + i + "\"}]}");
                dispensers.add(DeviceEventsBenchmark.create(http, base, token, "Device", "{\"resourceType\":\"Device\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/"
                        + patient + "\"}}"));
                lamps.add(DeviceEventsBenchmark.create(http, base, token, "Device", "{\"resourceType\":\"Device\",\"status\":\"active\",\"owner\":{\"reference\":\"Organization/"
                        + home + "\"},\"location\":{\"display\":\"Room " + i + "\"}}"));
            }
            System.out.println("warming up: " + warmUp + " s at the same rate, not measured (the JIT compiles the hot paths meanwhile)");
            load(http, base, token, lamps, dispensers, warmUp, rate, batch, "warm", new ConcurrentHashMap<>());
            Map<String, Long> sentAt = new ConcurrentHashMap<>(); // fall source key to epoch millis sent
            load(http, base, token, lamps, dispensers, seconds, rate, batch, "bench", sentAt);
            Thread.sleep(3000);
            Latencies alerts = new Latencies();
            long raised = 0;
            try (Connection db = database(dataDir); Statement query = db.createStatement();
                 ResultSet rows = query.executeQuery("SELECT source_key, (extract(epoch FROM raised_at) * 1000)::bigint FROM alert "
                         + "WHERE source_key LIKE 'device/%/bench-fall-%'")) {
                while (rows.next()) {
                    Long sent = sentAt.get(rows.getString(1));
                    if (sent != null) {
                        alerts.add((rows.getLong(2) - sent) * 1000);
                        raised++;
                    }
                }
            }
            System.out.printf("falls alerts: %,d raised of %,d falls sent; from sending to raised p50 %.0f ms, p99 %.0f ms, slowest %.0f ms%n", raised,
                    sentAt.size(), alerts.percentileMillis(50), alerts.percentileMillis(99), alerts.percentileMillis(100));
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    /** Sends events at the rate for a while; the falls' source keys and when their batches were sent go into {@code sentAt}. */
    private static void load(HttpClient http, String base, String token, List<String> lamps, List<String> dispensers, int seconds, int rate, int batch,
                             String prefix, Map<String, Long> sentAt) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        Latencies batches = new Latencies();
        long started = System.nanoTime();
        int batches_ = seconds * rate / batch;
        long every = TimeUnit.SECONDS.toNanos(1) * batch / rate;
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        for (int b = 0; b < batches_; b++) {
            long due = started + b * every;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int number = b;
            senders.execute(() -> {
                StringBuilder body = new StringBuilder("{\"events\":[");
                List<String> falls = new ArrayList<>();
                Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                for (int e = 0; e < batch; e++) {
                    long n = (long) number * batch + e;
                    boolean fall = n % 100 == 0;
                    String device = fall ? lamps.get((int) (n / 100 % lamps.size())) : dispensers.get((int) (n % dispensers.size()));
                    String id = (fall ? prefix + "-fall-" : prefix + "-beat-") + n;
                    if (fall) {
                        falls.add("device/" + device + "/" + id);
                    }
                    body.append(e == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"device\":\"").append(device).append("\",\"type\":\"")
                            .append(fall ? "fall-detected" : "heartbeat").append("\",\"at\":\"").append(at).append("\"}");
                }
                long sent = System.currentTimeMillis();
                falls.forEach(key -> sentAt.put(key, sent));
                long t0 = System.nanoTime();
                HttpResponse<String> answer = DeviceEventsBenchmark.post(http, base + "/devices/events", token, body.append("]}").toString());
                batches.add((System.nanoTime() - t0) / 1000);
                Matcher count = ACCEPTED.matcher(answer.body());
                if (answer.statusCode() != 200 || !count.find()) {
                    throw new IllegalStateException("Batch refused: " + answer.statusCode() + " " + answer.body());
                }
                accepted.addAndGet(Long.parseLong(count.group(1)));
            });
        }
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(prefix + " events: %,.0f events/s accepted (%,d of %,d in %.1f s); batch of %d p50 %.0f ms, p99 %.0f ms%n", accepted.get() / elapsed,
                accepted.get(), (long) batches_ * batch, elapsed, batch, batches.percentileMillis(50), batches.percentileMillis(99));
    }

    private static Connection database(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        String password = Files.readString(dataDir.resolve("postgres.password")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres", "postgres", password);
    }
}
