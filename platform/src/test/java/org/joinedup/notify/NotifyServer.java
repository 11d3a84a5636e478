package org.joinedup.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * A local GOV.UK Notify: the endpoints the platform uses ({@code POST /v2/notifications/sms},
 * {@code POST /v2/notifications/email}, {@code GET /v2/notifications?reference=}), with Notify's authentication (a
 * JWT signed HS256 with the API key's secret, issued by the service id), its validation errors (400 for a number
 * that is not a UK mobile) and its response bodies. Tests make it fail or hang on purpose.
 */
public final class NotifyServer implements AutoCloseable {

    public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public static final String API_KEY = "joinedup_test-" + SERVICE_ID + "-" + SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notification Notify accepted. */
    public record Sent(String id, String type, String to, String templateId, Map<String, String> personalisation, String reference, Instant at) {
    }

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> status = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(500);
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();
    private final CountDownLatch hanging = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    public NotifyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v2/notifications", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int requests() {
        return requests.get();
    }

    /** The next {@code count} sends are answered with {@code httpStatus} (500, 429, 400...). */
    public void failNext(int count, int httpStatus) {
        failureStatus.set(httpStatus);
        failures.set(count);
    }

    /** The next send is accepted (recorded) but not answered until {@code release} counts down: its answer is then dropped. */
    public void hangNextSendUntil(CountDownLatch release) {
        hang.set(release);
    }

    public boolean awaitHanging(long seconds) throws InterruptedException {
        return hanging.await(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 403, "AuthError", "Invalid token: signature, api token not found");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && (path.endsWith("/sms") || path.endsWith("/email"))) {
                send(exchange, path.endsWith("/sms") ? "sms" : "email");
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/v2/notifications")) {
                list(exchange);
            } else {
                error(exchange, 404, "NotFoundError", "Not found");
            }
        }
    }

    private void send(HttpExchange exchange, String type) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, failureStatus.get(), failureStatus.get() == 400 ? "BadRequestError" : "Exception", "Failing on purpose");
            return;
        }
        String to = request.path("sms".equals(type) ? "phone_number" : "email_address").asText();
        if ("sms".equals(type) && !to.replace(" ", "").matches("(\\+44|0)7\\d{9}")) {
            error(exchange, 400, "ValidationError", "phone_number Not a UK mobile number");
            return;
        }
        String id = UUID.randomUUID().toString();
        @SuppressWarnings("unchecked")
        Map<String, String> personalisation = JSON.convertValue(request.path("personalisation"), Map.class);
        sent.add(new Sent(id, type, to, request.path("template_id").asText(), personalisation, request.path("reference").asText(null), Instant.now()));
        status.put(id, "sending");
        CountDownLatch release = hang.getAndSet(null);
        if (release != null) {
            hanging.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return; // the connection closes without an answer
        }
        ObjectNode response = JSON.createObjectNode().put("id", id).put("reference", request.path("reference").asText(null)).put("uri", baseUrl() + "/v2/notifications/" + id);
        ObjectNode content = response.putObject("content").put("body", "(rendered by Notify)");
        if ("sms".equals(type)) {
            content.put("from_number", "NHS");
        } else {
            content.put("subject", "(subject)").put("from_email", "joinedup@notifications.service.gov.uk");
        }
        response.putObject("template").put("id", request.path("template_id").asText()).put("version", 1).put("uri", baseUrl() + "/v2/template/x");
        write(exchange, 201, response);
    }

    private void list(HttpExchange exchange) throws IOException {
        String reference = null;
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals("reference")) {
                reference = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode notifications = response.putArray("notifications");
        for (Sent one : sent) {
            if (reference == null || reference.equals(one.reference())) {
                ObjectNode n = notifications.addObject().put("id", one.id()).put("reference", one.reference()).put("type", one.type())
                        .put("status", status.getOrDefault(one.id(), "sending")).put("body", "(rendered by Notify)").put("created_at", one.at().toString());
                n.put("sms".equals(one.type()) ? "phone_number" : "email_address", one.to());
                n.putObject("template").put("id", one.templateId()).put("version", 1).put("uri", baseUrl() + "/v2/template/x");
            }
        }
        response.putObject("links").put("current", baseUrl() + "/v2/notifications").putNull("next");
        write(exchange, 200, response);
    }

    private static boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        try {
            new JwtConsumerBuilder().setExpectedIssuer(SERVICE_ID).setVerificationKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                    .setRequireIssuedAt().setAllowedClockSkewInSeconds(30).build().processToClaims(header.substring(7));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("status_code", status);
        body.putArray("errors").addObject().put("error", error).put("message", message);
        write(exchange, status, body);
    }

    private static void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
