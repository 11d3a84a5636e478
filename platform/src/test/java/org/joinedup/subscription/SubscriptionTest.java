package org.joinedup.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another system follows changes to the record: it posts a Subscription (criteria and channel), the platform
 * activates it, and each change that meets the criteria is notified, by rest-hook (to a real HTTP server started
 * here) or by websocket. Bad criteria, an endpoint that never answers, and a person (not a system) subscribing are
 * each refused or reported.
 */
class SubscriptionTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private HttpServer hook;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startHook() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    @Test
    void aRestHookSubscriberIsSentEachMatchingResourceAndNothingElse() throws Exception {
        String subscription = subscribe("Observation?code=http://loinc.org|85354-9", "rest-hook",
                "http://localhost:" + hook.getAddress().getPort() + "/hook", "application/fhir+json");
        awaitStatus(subscription, "active");
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Hooked\"}]}")).path("id").asText();
        String other = fhir.create(observation(patient, "8867-4")).path("id").asText();
        String blood = fhir.create(observation(patient, "85354-9")).path("id").asText();

        String notified = received.poll(10, TimeUnit.SECONDS);
        assertThat(notified).startsWith("PUT /hook/Observation/" + blood + " Bearer hook-secret ");
        assertThat(notified).contains("\"85354-9\"");
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("the heart rate (" + other + ") is not notified").isNull();
    }

    @Test
    void aWebsocketSubscriberBindsAndIsPingedOnEachChange() throws Exception {
        String subscription = subscribe("Patient?family=Socketson", "websocket", null, null);
        awaitStatus(subscription, "active");
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + Tokens.system(port))
                .buildAsync(URI.create("ws://localhost:" + port + "/subscriptions/websocket"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("bind " + subscription, true).get(5, TimeUnit.SECONDS);
        assertThat(messages.poll(5, TimeUnit.SECONDS)).isEqualTo("bound " + subscription);

        fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Socketson\"}]}"));
        assertThat(messages.poll(10, TimeUnit.SECONDS)).isEqualTo("ping " + subscription);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void criteriaThatAreNotAValidSearchPutTheSubscriptionInErrorWithWhy() throws Exception {
        String subscription = subscribe("Observation?no-such-parameter=1", "rest-hook", "http://localhost:1/hook", null);
        JsonNode failed = awaitStatus(subscription, "error");
        assertThat(failed.path("error").asText()).contains("no-such-parameter");
    }

    @Test
    void anEndpointThatNeverAnswersPutsTheSubscriptionInError() throws Exception {
        hook.stop(0);
        String subscription = subscribe("Patient?family=Unheard", "rest-hook", "http://localhost:" + hook.getAddress().getPort() + "/hook", null);
        awaitStatus(subscription, "active");
        fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Unheard\"}]}"));
        JsonNode failed = awaitStatus(subscription, "error");
        assertThat(failed.path("error").asText()).contains("could not be delivered");
    }

    @Test
    void onlySystemsMaySubscribeAndOnlyByRestHookOrWebsocket() {
        String clinician = new MintedTokens(jdbc).staff("subscriber", "clinician", "RYY", null, "user/*.cruds");
        FhirClient.Response person = fhir.as(clinician).post("/Subscription", subscription("Patient?family=X", "websocket", null, null));
        assertThat(person.status()).isEqualTo(403);
        FhirClient.Response email = fhir.post("/Subscription", subscription("Patient?family=X", "email", null, null));
        assertThat(email.status()).isEqualTo(422);
        assertThat(email.body()).contains("rest-hook or websocket");
    }

    private String subscribe(String criteria, String channel, String endpoint, String payload) {
        return fhir.create(subscription(criteria, channel, endpoint, payload)).path("id").asText();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode subscription(String criteria, String channel, String endpoint, String payload) {
        com.fasterxml.jackson.databind.node.ObjectNode s = FhirClient.parse("{\"resourceType\":\"Subscription\",\"status\":\"requested\","
                + "\"reason\":\"Follow changes\",\"criteria\":\"\",\"channel\":{\"type\":\"\"}}");
        s.put("criteria", criteria);
        com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode) s.path("channel");
        c.put("type", channel);
        if (endpoint != null) {
            c.put("endpoint", endpoint);
            c.putArray("header").add("Authorization: Bearer hook-secret");
        }
        if (payload != null) {
            c.put("payload", payload);
        }
        return s;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode observation(String patient, String loinc) {
        return FhirClient.parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\""
                + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"valueQuantity\":{\"value\":120}}");
    }

    private JsonNode awaitStatus(String subscription, String status) throws InterruptedException {
        return await(() -> {
            JsonNode s = fhir.get("/Subscription/" + subscription).json();
            return status.equals(s.path("status").asText()) ? s : null;
        }, "Subscription/" + subscription + " to become " + status);
    }

    private static <T> T await(Supplier<T> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Waited 15 s for " + what);
    }
}
