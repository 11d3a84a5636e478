package org.joinedup.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appointments at the scale of a region's outpatient clinics: a year of slots for 200 clinics (weekdays, one
 * morning session of ten 20-minute slots: 520,000 Slots), then {@code Appointment/$find} by service from a random
 * day (p50/p99, one at a time), then bookings by many clients at once into different slots, one booking in ten
 * racing another for the same slot: bookings a second, and a check that no slot holds two appointments. Prints figures; see docs/benchmarks.md.
 * Arguments: clinics (200), weeks (52), booking clients (32), booking attempts (10000).
 */
public final class SchedulingBenchmark {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** A FHIR instant (seconds required) with its local offset. */
    private static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLOT_ID = Pattern.compile("\"fullUrl\"\\s*:\\s*\"[^\"]*/Slot/([^\"]+)\"");

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clinics = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 52;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int attempts = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-scheduling-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = 18096;
        System.out.println("JoinedUp scheduling benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + clinics + " clinics, "
                + weeks + " weeks of slots");
        try (Platform platform = Platform.start(java, new ArrayList<>(List.of(StoreBenchmark.RECOMMENDED_JVM_OPTIONS.split(" "))),
                Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                List.of("--joinedup.demo.region.load=false", "--joinedup.hl7.mllp-port=-1", "--joinedup.scheduling.reminder-interval=24h"))) {
            String base = "http://127.0.0.1:" + port + "/fhir";
            String token = DemoToken.fetch(port);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            LocalDate monday = LocalDate.now(ENGLAND).plusDays(8 - LocalDate.now(ENGLAND).getDayOfWeek().getValue());

            long loading = System.nanoTime();
            List<String> services = new ArrayList<>();
            int slots = 0;
            for (int c = 0; c < clinics; c++) {
                String service = "clinic-" + c;
                services.add(service);
                String location = create(http, base, token, "Location", "{\"resourceType\":\"Location\",\"name\":\"Clinic room " + c + "\"}");
                String schedule = create(http, base, token, "Schedule", "{\"resourceType\":\"Schedule\",\"active\":true,\"serviceType\":[" + serviceType(service)
                        + "],\"actor\":[{\"reference\":\"Location/" + location + "\"}]}");
                List<String> entries = new ArrayList<>();
                for (int d = 0; d < weeks * 7; d++) {
                    LocalDate day = monday.plusDays(d);
                    if (day.getDayOfWeek().getValue() > 5) {
                        continue;
                    }
                    for (int s = 0; s < 10; s++) {
                        ZonedDateTime start = day.atTime(9, 0).plusMinutes(20L * s).atZone(ENGLAND);
                        entries.add("{\"resource\":{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/" + schedule + "\"},\"serviceType\":["
                                + serviceType(service) + "],\"status\":\"free\",\"start\":\"" + INSTANT.format(start) + "\",\"end\":\""
                                + INSTANT.format(start.plusMinutes(20)) + "\"},\"request\":{\"method\":\"POST\",\"url\":\"Slot\"}}");
                    }
                }
                for (int from = 0; from < entries.size(); from += 1000) {
                    transaction(http, base, token, entries.subList(from, Math.min(entries.size(), from + 1000)));
                }
                slots += entries.size();
            }
            System.out.printf("loaded %,d slots in %d clinics in %.0f s%n", slots, clinics, (System.nanoTime() - loading) / 1e9);

            Latencies find = new Latencies();
            for (int i = 0; i < 600; i++) {
                String service = services.get(ThreadLocalRandom.current().nextInt(services.size()));
                LocalDate from = monday.plusDays(ThreadLocalRandom.current().nextInt(weeks * 7 - 14));
                long started = System.nanoTime();
                HttpResponse<String> found = get(http, base + "/Appointment/$find?service-type=" + enc("urn:bench:service|" + service) + "&start=" + from
                        + "&_count=10", token);
                if (i >= 100) {
                    find.add((System.nanoTime() - started) / 1_000);
                }
                if (found.statusCode() != 200 || !found.body().contains("\"Slot\"")) {
                    throw new IllegalStateException("find failed: " + found.statusCode() + " " + found.body());
                }
            }
            System.out.printf("Appointment/$find by service from a random day, 10 slots: p50 %.1f ms, p99 %.1f ms (%d requests, one at a time)%n",
                    find.percentileMillis(50), find.percentileMillis(99), find.count());

            // bookings: clients book free slots of the first weeks, each slot wanted once, except that one attempt in ten
            // races the attempt before it for the same slot
            List<String> wanted = new ArrayList<>();
            for (int c = 0; c < clinics && wanted.size() < attempts; c++) {
                String page = get(http, base + "/Appointment/$find?service-type=" + enc("urn:bench:service|clinic-" + c) + "&start=" + monday + "&_count=100", token).body();
                Matcher id = SLOT_ID.matcher(page);
                while (id.find()) {
                    wanted.add(id.group(1));
                }
            }
            List<String> patients = new ArrayList<>();
            for (int p = 0; p < 200; p++) {
                patients.add(create(http, base, token, "Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Booker\",\"given\":[\"" + p + "\"]}]}"));
            }
            AtomicInteger booked = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ConcurrentLinkedQueue<String> bookedSlots = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            Latencies booking = new Latencies();
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < clients; t++) {
                    pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < attempts) {
                            String slot = wanted.get((i % 10 == 9 ? i - 1 : i) % wanted.size());
                            String patient = patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
                            long one = System.nanoTime();
                            HttpResponse<String> answer = post(http, base + "/Appointment/$book", token, "{\"resourceType\":\"Parameters\",\"parameter\":["
                                    + "{\"name\":\"slot\",\"valueReference\":{\"reference\":\"Slot/" + slot + "\"}},{\"name\":\"patient\",\"valueReference\":"
                                    + "{\"reference\":\"Patient/" + patient + "\"}}]}");
                            booking.add((System.nanoTime() - one) / 1_000);
                            if (answer.statusCode() == 201) {
                                booked.incrementAndGet();
                                bookedSlots.add(slot);
                            } else if (answer.statusCode() == 409) {
                                refused.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Appointment/$book, %d clients at once, %,d attempts on %,d slots: %,d booked, %,d refused (slot taken), %d failed in %.1f s:"
                            + " %.0f attempts/s, %.0f bookings/s; p50 %.1f ms, p99 %.1f ms%n", clients, attempts, wanted.size(), booked.get(), refused.get(),
                    failed.get(), seconds, attempts / seconds, booked.get() / seconds, booking.percentileMillis(50), booking.percentileMillis(99));

            Set<String> distinct = new HashSet<>(bookedSlots);
            Map<String, Integer> perSlot = new HashMap<>();
            String query = base + "/Appointment?_count=1000&_elements=slot";
            int appointments = 0;
            while (query != null) {
                String page = get(http, query, token).body();
                Matcher slot = Pattern.compile("\"reference\"\\s*:\\s*\"Slot/([^\"]+)\"").matcher(page);
                while (slot.find()) {
                    perSlot.merge(slot.group(1), 1, Integer::sum);
                    appointments++;
                }
                Matcher link = Pattern.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
                query = link.find() ? link.group(1) : null;
            }
            long doubled = perSlot.values().stream().filter(n -> n > 1).count();
            System.out.printf("check: %,d appointments in the store, %,d distinct slots booked, %d slots with two or more appointments%n",
                    appointments, distinct.size(), doubled);
            if (doubled > 0 || distinct.size() != booked.get()) {
                throw new IllegalStateException("A slot was booked twice");
            }
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    private static String serviceType(String service) {
        return "{\"coding\":[{\"system\":\"urn:bench:service\",\"code\":\"" + service + "\"}]}";
    }

    private static String create(HttpClient http, String base, String token, String type, String json) {
        HttpResponse<String> created = post(http, base + "/" + type, token, json);
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Create failed: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    private static void transaction(HttpClient http, String base, String token, List<String> entries) {
        HttpResponse<String> written = post(http, base, token, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}");
        if (written.statusCode() != 200) {
            throw new IllegalStateException("Loading failed: " + written.statusCode() + " " + written.body());
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
