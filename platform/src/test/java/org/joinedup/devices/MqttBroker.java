package org.joinedup.devices;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real MQTT broker for a test: Debian's Eclipse Mosquitto on a free local port (installed by .ci/run; see the README). */
final class MqttBroker implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    final int port;
    private final Process process;

    MqttBroker() throws IOException, InterruptedException {
        if (!Files.isExecutable(MOSQUITTO)) {
            throw new IllegalStateException("This test needs Eclipse Mosquitto (apt-get install mosquitto), which .ci/run installs");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = Files.createTempFile("mosquitto", ".conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target/mosquitto-" + port + ".log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Mosquitto did not start on port " + port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
