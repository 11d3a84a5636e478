package org.joinedup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device gateway under load: 200 registered kits, then, for each kind of event, clients sending batches to
 * {@code /devices/events} at once for a while: heartbeats (kept as events) and vital-sign events (each
 * written as seven Observations, then scored by NEWS2 in the background). Prints events a second accepted and the
 * batch latency. Falls, which raise alerts, have their own benchmark ({@link FallAlertsBenchmark}). Arguments: seconds per kind (20), clients (8), events per batch (500).
 */
public final class DeviceEventsBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private DeviceEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-devices-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = 18097;
        System.out.println("JoinedUp device gateway benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + clients + " clients, "
                + batch + " events a batch, " + seconds + " s a kind");
        try (Platform platform = Platform.start(java, new ArrayList<>(List.of(StoreBenchmark.RECOMMENDED_JVM_OPTIONS.split(" "))),
                Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                List.of("--joinedup.demo.region.load=false", "--joinedup.hl7.mllp-port=-1"))) {
            String base = "http://127.0.0.1:" + port;
            String token = DemoToken.fetch(port);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            List<String> kits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String patient = create(http, base, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench" + i + "\"}]}");
                kits.add(create(http, base, token, "Device", "{\"resourceType\":\"Device\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/"
                        + patient + "\"}}"));
            }
            run(http, base, token, kits, "heartbeat", "", seconds, clients, batch);
            run(http, base, token, kits, "vital-signs", ",\"readings\":{\"respiration-rate\":18,\"spo2\":96,\"oxygen\":false,\"systolic\":128,"
                    + "\"diastolic\":80,\"pulse\":72,\"temperature\":36.8,\"acvpu\":\"A\"}", seconds, clients, batch);
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    private static void run(HttpClient http, String base, String token, List<String> kits, String type, String extra, int seconds, int clients,
                            int batch) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        Latencies latencies = new Latencies();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < until) {
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
                    for (int e = 0; e < batch; e++) {
                        long n = sequence.incrementAndGet();
                        body.append(e == 0 ? "" : ",").append("{\"id\":\"").append(type).append('-').append(n).append("\",\"device\":\"")
                                .append(kits.get((int) (n % kits.size()))).append("\",\"type\":\"").append(type).append("\",\"at\":\"")
                                .append(at.minusSeconds(n % 3600)).append('"').append(extra).append('}');
                    }
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = post(http, base + "/devices/events", token, body.append("]}").toString());
                    latencies.add((System.nanoTime() - sent) / 1000);
                    Matcher count = ACCEPTED.matcher(answer.body());
                    if (answer.statusCode() != 200 || !count.find()) {
                        throw new IllegalStateException("Batch refused: " + answer.statusCode() + " " + answer.body());
                    }
                    accepted.addAndGet(Long.parseLong(count.group(1)));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %,.0f events/s accepted (%,d in %.1f s); batch of %d p50 %.0f ms, p99 %.0f ms%n", type, accepted.get() / elapsed,
                accepted.get(), elapsed, batch, latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    static String create(HttpClient http, String base, String token, String type, String json) {
        HttpResponse<String> created = post(http, base + "/fhir/" + type, token, json);
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Create failed: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    static HttpResponse<String> post(HttpClient http, String url, String token, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
