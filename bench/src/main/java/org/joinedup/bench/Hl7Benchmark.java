package org.joinedup.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HL7 v2 feed benchmark (see docs/benchmarks.md): starts the built platform on a fresh data directory and
 * sends ADT messages (admissions and updates for 5,000 patients, each message new) over MLLP: first as fast as
 * 8 connections allow, then paced at a fixed rate, and prints messages per second and acknowledgement latencies.
 *
 * <p>Run with {@code bench/run-hl7} (options {@code --seconds=20 --rate=2000 --connections=8}).
 */
public final class Hl7Benchmark {

    private static final AtomicLong CONTROL = new AtomicLong();

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        int port = 18080;
        int mllpPort = 12575;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-hl7-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        System.out.println("JoinedUp HL7 v2 benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + connections
                + " MLLP connections, log " + log);
        List<String> jvm = new ArrayList<>(List.of(options.getOrDefault("jvm-args", StoreBenchmark.RECOMMENDED_JVM_OPTIONS).split(" ")));
        try {
            try (Platform platform = Platform.start(java, jvm,
                    Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                    List.of("--joinedup.hl7.mllp-port=" + mllpPort, "--joinedup.demo.region.load=false"))) {
                run("warm-up (not counted)", mllpPort, connections, Math.min(seconds, 20), 0);
                run("as fast as " + connections + " connections go", mllpPort, connections, seconds, 0);
                run("paced at " + rate + " messages/s", mllpPort, connections, seconds, rate);
            }
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    /** Sends for a while; rate 0 means as fast as acknowledgements come back. */
    private static void run(String name, int port, int connections, int seconds, int rate) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong rejected = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    long interval = rate == 0 ? 0 : 1_000_000_000L * connections / rate;
                    long next = System.nanoTime() + connection * (interval / Math.max(1, connections));
                    while (System.nanoTime() < deadline) {
                        if (interval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        // paced: measured from when the message was due, so falling behind shows (no coordinated omission)
                        long due = interval > 0 ? next : System.nanoTime();
                        String ack = send(in, out, message());
                        latencies.add((System.nanoTime() - due) / 1000);
                        if (!ack.contains("MSA|AA")) {
                            rejected.incrementAndGet();
                        }
                        next += interval;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %,.0f messages/s, acknowledgement p50 %.1f ms, p99 %.1f ms, not AA %d of %,d%n", name, latencies.count() / elapsed,
                latencies.percentileMillis(50), latencies.percentileMillis(99), rejected.get(), latencies.count());
    }

    private static String message() {
        long n = CONTROL.incrementAndGet();
        long patient = n % 5000;
        String event = n % 3 == 0 ? "A08" : "A01";
        return "MSH|^~\\&|PAS|RYY|JOINEDUP|ICS|20261126091400||ADT^" + event + "^ADT_A01|BENCH-" + n + "|P|2.4\r"
                + "EVN|" + event + "|20261126091400\r"
                + "PID|1||" + nhsNumber(patient) + "^^^NHS^NH~RYY" + patient + "^^^RYY^MR||Bench" + patient + "^Alex^J||" + birthDate(patient) + "|F|||"
                + (n % 97) + " Bridge Street^^Warrington^^WA" + (1 + patient % 16) + " " + (patient % 10) + "AB^GBR\r"
                + "PV1|1|I|Ward 4^Bay 2^Bed 3||||||||||||||||V" + patient + "|||||||||||||||||||||||||20261126091000\r";
    }

    /** A valid NHS number from the test range for patient n (the generator's scheme: even bodies, or the next). */
    static String nhsNumber(long n) {
        for (long body = 999_100_000L + 2 * n; ; body++) {
            String digits = Long.toString(body);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits + (check == 11 ? 0 : check);
            }
        }
    }

    /** Birth dates spread over 90 years, as a region's are (so that patient matching meets realistic numbers of namesakes). */
    private static String birthDate(long patient) {
        return java.time.LocalDate.of(1930, 1, 1).plusDays((patient * 7919L) % (90 * 365)).toString().replace("-", "");
    }

    private static String send(InputStream in, OutputStream out, String message) throws IOException {
        byte[] content = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[content.length + 3];
        frame[0] = 0x0b;
        System.arraycopy(content, 0, frame, 1, content.length);
        frame[content.length + 1] = 0x1c;
        frame[content.length + 2] = 0x0d;
        out.write(frame); // one segment per message
        out.flush();
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                throw new IOException("closed");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream(256);
        while ((b = in.read()) != 0x1c) {
            ack.write(b);
        }
        in.read();
        return ack.toString(StandardCharsets.UTF_8);
    }
}
