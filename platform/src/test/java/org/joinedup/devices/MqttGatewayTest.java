package org.joinedup.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.joinedup.JoinedUpApplication;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Devices publishing to a real MQTT broker (Eclipse Mosquitto): a kit's batch, with its client's bearer token, is
 * taken like an HTTP one (its readings written to the record, the answer published to its reply topic); a batch sent
 * while the platform was stopped is taken when it starts again (its session is kept by the broker); a batch without
 * a valid token is refused, saying why, and nothing is written.
 */
class MqttGatewayTest {

    final String dataDir = "target/test-data/mqtt-" + UUID.randomUUID();

    @Test
    void batchesPublishedToTheBrokerReachTheRecordEvenWhileThePlatformIsAway() throws Exception {
        try (MqttBroker broker = new MqttBroker()) {
            String patient;
            String kit;
            MqttClient device = new MqttClient(broker.url(), "kit-" + UUID.randomUUID(), new MemoryPersistence());
            device.connect(new MqttConnectOptions());
            BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
            device.subscribe("kits/answers", 1, (topic, message) -> answers.add(FhirClient.JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8))));
            String token;
            try (ConfigurableApplicationContext platform = start(broker)) {
                int port = port(platform);
                FhirClient fhir = new FhirClient(port);
                patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Broker\"}]}")).path("id").asText();
                kit = fhir.create(FhirClient.parse("{\"resourceType\":\"Device\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + patient + "\"}}"))
                        .path("id").asText();
                token = Tokens.system(port);

                device.publish("joinedup/devices/events", batch(token, kit, "mqtt-1", 72));
                JsonNode answer = answers.poll(20, TimeUnit.SECONDS);
                assertThat(answer).isNotNull();
                assertThat(answer.path("status").asInt()).isEqualTo(200);
                assertThat(answer.path("accepted").asInt()).isEqualTo(1);
                assertThat(fhir.get("/Observation?subject=Patient/" + patient + "&code=http://loinc.org|8867-4").resources()).hasSize(1);

                device.publish("joinedup/devices/events", "{\"token\":\"not-a-token\",\"replyTo\":\"kits/answers\",\"events\":[]}"
                        .getBytes(StandardCharsets.UTF_8), 1, false);
                JsonNode refused = answers.poll(20, TimeUnit.SECONDS);
                assertThat(refused.path("status").asInt()).isEqualTo(401);
                assertThat(refused.path("error").asText()).contains("The bearer token was refused");
            }

            device.publish("joinedup/devices/events", batch(token, kit, "mqtt-2", 80)); // the platform is stopped

            try (ConfigurableApplicationContext again = start(broker)) {
                JsonNode answer = answers.poll(30, TimeUnit.SECONDS);
                assertThat(answer).as("the batch sent while the platform was away").isNotNull();
                assertThat(answer.path("accepted").asInt()).isEqualTo(1);
                assertThat(new FhirClient(port(again)).get("/Observation?subject=Patient/" + patient + "&code=http://loinc.org|8867-4").resources()).hasSize(2);
            }
            device.disconnect();
            device.close();
        }
    }

    private static org.eclipse.paho.client.mqttv3.MqttMessage batch(String token, String kit, String id, int pulse) {
        String json = "{\"token\":\"" + token + "\",\"replyTo\":\"kits/answers\",\"events\":[{\"id\":\"" + id + "\",\"device\":\"" + kit + "\",\"type\":"
                + "\"vital-signs\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"readings\":{\"pulse\":" + pulse + "}}]}";
        org.eclipse.paho.client.mqttv3.MqttMessage message = new org.eclipse.paho.client.mqttv3.MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private ConfigurableApplicationContext start(MqttBroker broker) {
        return new SpringApplicationBuilder(JoinedUpApplication.class).profiles("test").run("--joinedup.database.data-dir=" + dataDir, "--server.port=0",
                "--joinedup.devices.mqtt.url=" + broker.url());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
