package org.joinedup.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.joinedup.fhir.FhirClient;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** With GOV.UK Notify as the provider: the real Notify client against a local server that speaks Notify's API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GovUkNotifyTest {

    static final String SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String EMAIL_TEMPLATE = "1f4bb4e9-54a0-4b07-8e3a-3d1f5fbd2b7e";
    static final String CALLBACK_TOKEN = "notify-callback-token-for-tests";
    static NotifyServer notify;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    Messages messages;

    @DynamicPropertySource
    static void notify(DynamicPropertyRegistry registry) throws Exception {
        notify = new NotifyServer();
        registry.add("joinedup.notify.provider", () -> "gov-uk-notify");
        registry.add("joinedup.notify.gov-uk-notify.api-key", () -> NotifyServer.API_KEY);
        registry.add("joinedup.notify.gov-uk-notify.base-url", notify::baseUrl);
        registry.add("joinedup.notify.gov-uk-notify.callback-token", () -> CALLBACK_TOKEN);
        registry.add("joinedup.notify.gov-uk-notify.templates.appointment-reminder-sms", () -> SMS_TEMPLATE);
        registry.add("joinedup.notify.gov-uk-notify.templates.appointment-reminder-email", () -> EMAIL_TEMPLATE);
    }

    @AfterAll
    static void stop() {
        notify.close();
    }

    @BeforeEach
    void setUp() {
        messages = new Messages(events, transactions, jdbc, new FhirClient(port));
    }

    @Test
    void aTextGoesThroughNotifyWithItsTemplateValuesAndReferenceAndItsReceiptMarksItDelivered() throws Exception {
        String patient = messages.patient("Gus", "[{\"system\":\"phone\",\"value\":\"07700900201\",\"use\":\"mobile\"}]", null);
        messages.request(Messages.reminder("test/notify/sms", patient, null));

        Map<String, Object> row = messages.awaitStatus("test/notify/sms", "sent");
        assertThat(row).containsEntry("status", "sent").containsEntry("provider", "gov-uk-notify");
        NotifyServer.Sent sent = only("test/notify/sms", row);
        assertThat(sent.type()).isEqualTo("sms");
        assertThat(sent.to()).isEqualTo("07700900201");
        assertThat(sent.templateId()).isEqualTo(SMS_TEMPLATE);
        assertThat(sent.personalisation()).containsEntry("name", "Gus").containsEntry("date", "Tuesday 1 December 2026")
                .containsEntry("time", "9:30am").containsEntry("place", "Demo Hospital").containsKey("link");
        assertThat(row.get("provider_id")).isEqualTo(sent.id());

        assertThat(receipt(sent.id(), "delivered", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(receipt(sent.id(), "delivered", "Bearer " + CALLBACK_TOKEN).statusCode()).isEqualTo(204);
        assertThat(messages.awaitStatus("test/notify/sms", "delivered")).containsEntry("status", "delivered");
    }

    @Test
    void aFailedReceiptLeavesTheMessageFailedWithNotifysReason() throws Exception {
        String patient = messages.patient("Hal", "[{\"system\":\"email\",\"value\":\"hal@example.com\"}]", null);
        messages.request(Messages.reminder("test/notify/email", patient, null));
        Map<String, Object> row = messages.awaitStatus("test/notify/email", "sent");
        assertThat(only("test/notify/email", row).templateId()).isEqualTo(EMAIL_TEMPLATE);

        receipt((String) row.get("provider_id"), "permanent-failure", "Bearer " + CALLBACK_TOKEN);
        assertThat(messages.awaitStatus("test/notify/email", "failed").get("status_reason")).asString().contains("permanent failure");
    }

    @Test
    void notifyBeingDownIsRetriedWithBackOffAndTheMessageSentOnce() {
        String patient = messages.patient("Ida", "[{\"system\":\"phone\",\"value\":\"07700900202\"}]", null);
        notify.failNext(2, 500);
        messages.request(Messages.reminder("test/notify/retried", patient, null));

        Map<String, Object> row = messages.awaitStatus("test/notify/retried", "sent");
        assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 2);
        only("test/notify/retried", row);
        List<String> history = jdbc.queryForList("SELECT status || coalesce(': ' || detail, '') FROM message_event WHERE message_id = ? ORDER BY at",
                String.class, row.get("id"));
        assertThat(history).hasSize(4).first().isEqualTo("queued");
        assertThat(history.get(1)).startsWith("queued: GOV.UK Notify answered 500");
        assertThat(history.get(3)).isEqualTo("sent");
    }

    @Test
    void aNumberNotifyRefusesFailsAtOnceAndIsShownToOperatorsToActOn() throws Exception {
        String patient = messages.patient("Jem", "[{\"system\":\"phone\",\"value\":\"07700 90\",\"use\":\"mobile\"}]", null);
        messages.request(Messages.reminder("test/notify/bad-number", patient, null));

        Map<String, Object> row = messages.awaitStatus("test/notify/bad-number", "failed");
        assertThat(row).containsEntry("attempts", 1);
        assertThat(row.get("status_reason")).asString().contains("Not a UK mobile number");

        SignInFlow operator = new SignInFlow(port);
        operator.submitLogin("operator", "demo-password");
        HttpResponse<String> page = operator.page("/staff/messages");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Failed: to act on").contains("Not a UK mobile number").contains("Patient/" + patient);
        SignInFlow clinician = new SignInFlow(port);
        clinician.submitLogin("gp.clinician", "demo-password");
        assertThat(clinician.page("/staff/messages").statusCode()).isEqualTo(403);
    }

    @Test
    void aSendWhoseAnswerWasLostIsFoundAtNotifyAndNotSentAgain() throws Exception {
        String patient = messages.patient("Kit", "[{\"system\":\"phone\",\"value\":\"07700900203\"}]", null);
        CountDownLatch release = new CountDownLatch(1);
        notify.hangNextSendUntil(release);
        messages.request(Messages.reminder("test/notify/lost-answer", patient, null));
        assertThat(notify.awaitHanging(10)).isTrue();
        release.countDown(); // Notify has the message, but the platform never hears so

        Map<String, Object> row = messages.awaitStatus("test/notify/lost-answer", "sent");
        assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 1);
        assertThat(row.get("status_reason")).isEqualTo("The provider had it from an earlier attempt");
        only("test/notify/lost-answer", row);
    }

    private NotifyServer.Sent only(String reference, Map<String, Object> row) {
        List<NotifyServer.Sent> sent = notify.sent().stream().filter(s -> s.reference().equals(row.get("id").toString())).toList();
        assertThat(sent).as("notifications at Notify for " + reference).hasSize(1);
        return sent.getFirst();
    }

    private HttpResponse<String> receipt(String id, String status, String authorization) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"reference\":null,\"to\":\"x\",\"status\":\"" + status + "\",\"created_at\":\"2026-11-26T10:00:00.000000Z\","
                + "\"completed_at\":\"2026-11-26T10:00:05.000000Z\",\"sent_at\":\"2026-11-26T10:00:01.000000Z\",\"notification_type\":\"sms\","
                + "\"template_id\":\"" + SMS_TEMPLATE + "\",\"template_version\":1}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/callbacks/notify/receipts"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
