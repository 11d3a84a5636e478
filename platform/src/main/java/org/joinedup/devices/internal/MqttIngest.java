package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.joinedup.devices.DevicesProperties;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAccessResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Batches from an MQTT broker, when one is configured: subscribed at QoS 1 in a persistent session, so the broker
 * keeps what is published while the platform is away, and a message is acknowledged only once its batch has been
 * taken (if taking it fails, the connection is dropped and the broker sends it again; events are kept once by
 * device and event id, so nothing is taken twice). Each message carries its sender's bearer token, checked as on
 * HTTP; the answer (or why it was refused) is published to the message's {@code replyTo} topic, if it gives one.
 */
@Component
class MqttIngest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);

    private final DevicesProperties.Mqtt settings;
    private final FhirAccessResolver resolver;
    private final DeviceBatches batches;
    private volatile MqttClient client;

    MqttIngest(DevicesProperties properties, FhirAccessResolver resolver, DeviceBatches batches) {
        this.settings = properties.mqtt();
        this.resolver = resolver;
        this.batches = batches;
    }

    @Override
    public synchronized void start() {
        if (settings.url() == null || settings.url().isBlank() || client != null) {
            return;
        }
        try {
            MqttClient mqtt = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxInflight(100);
            if (settings.username() != null) {
                options.setUserName(settings.username());
                options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
            }
            mqtt.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    try {
                        mqtt.subscribe(settings.topic(), 1);
                        log.info("Devices: taking batches from MQTT {} topic {}{}", serverUri, settings.topic(), reconnect ? " (reconnected)" : "");
                    } catch (MqttException e) {
                        log.warn("Devices: could not subscribe to MQTT topic {}", settings.topic(), e);
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    log.warn("Devices: MQTT connection lost ({}); reconnecting", cause.getMessage());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    take(message);
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            mqtt.connect(options);
            client = mqtt;
        } catch (MqttException e) {
            throw new IllegalStateException("The MQTT broker " + settings.url() + " could not be reached: " + e.getMessage(), e);
        }
    }

    /** Takes one message's batch; throws (so the broker sends it again) if it could not be taken for want of the database. */
    void take(MqttMessage message) {
        Instant received = Instant.now();
        JsonNode batch;
        try {
            batch = VitalSignObservations.JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            log.warn("Devices: an MQTT message that is not JSON was dropped ({} bytes)", message.getPayload().length);
            return;
        }
        DeviceBatches.Answer answer;
        try {
            FhirAccess caller = resolver.resolveToken(batch.path("token").asText(""));
            answer = batches.take(caller, batch, received);
        } catch (FhirAccessResolver.Unauthenticated e) {
            answer = new DeviceBatches.Answer(401, DeviceBatches.problem(e.getMessage()));
        }
        reply(batch.path("replyTo").asText(""), answer);
    }

    private void reply(String topic, DeviceBatches.Answer answer) {
        if (topic.isBlank() || client == null) {
            if (answer.status() != 200) {
                log.warn("Devices: an MQTT batch was refused ({}): {}", answer.status(), answer.body().path("error").asText());
            }
            return;
        }
        ObjectNode body = answer.body().deepCopy().put("status", answer.status());
        try {
            client.publish(topic, body.toString().getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            log.warn("Devices: the answer to an MQTT batch could not be published to {}", topic, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (client == null) {
            return;
        }
        try {
            client.disconnect(5000);
            client.close();
        } catch (MqttException e) {
            log.warn("Devices: the MQTT client did not stop cleanly", e);
        }
        client = null;
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }
}
