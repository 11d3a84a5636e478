package org.joinedup.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.joinedup.JoinedUpApplication;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application is stopped while GOV.UK Notify is taking a message (Notify has it; the platform never hears
 * back), then started again on the same database: the message is found at Notify and marked sent, not sent twice.
 */
class MessagesSurviveARestartTest {

    @Test
    void aMessageBeingSentWhenTheApplicationStopsIsSentExactlyOnceAfterItStartsAgain() throws Exception {
        String dataDir = "target/test-data/restart-" + UUID.randomUUID();
        try (NotifyServer notify = new NotifyServer()) {
            CountDownLatch release = new CountDownLatch(1);
            notify.hangNextSendUntil(release);
            String reference = "test/restart/1";
            try (ConfigurableApplicationContext first = start(dataDir, notify)) {
                Messages messages = messages(first);
                String patient = messages.patient("Lou", "[{\"system\":\"phone\",\"value\":\"07700900301\"}]", null);
                messages.request(Messages.reminder(reference, patient, null));
                assertThat(notify.awaitHanging(20)).as("Notify is taking the message").isTrue();
                assertThat(messages.awaitStatus(reference, "sending")).containsEntry("status", "sending");
            } // stopped mid-send
            release.countDown();

            try (ConfigurableApplicationContext second = start(dataDir, notify)) {
                Map<String, Object> row = messages(second).awaitStatus(reference, "sent");
                assertThat(row).containsEntry("status", "sent").containsEntry("status_reason", "The provider had it from an earlier attempt");
                List<NotifyServer.Sent> atNotify = notify.sent().stream().filter(s -> s.reference().equals(row.get("id").toString())).toList();
                assertThat(atNotify).hasSize(1);
                assertThat(row.get("provider_id")).isEqualTo(atNotify.getFirst().id());
            }
        }
    }

    private static ConfigurableApplicationContext start(String dataDir, NotifyServer notify) {
        return new SpringApplicationBuilder(JoinedUpApplication.class).profiles("test").run(
                "--joinedup.database.data-dir=" + dataDir, "--server.port=0", "--joinedup.notify.provider=gov-uk-notify",
                "--joinedup.notify.gov-uk-notify.api-key=" + NotifyServer.API_KEY, "--joinedup.notify.gov-uk-notify.base-url=" + notify.baseUrl(),
                "--joinedup.notify.gov-uk-notify.templates.appointment-reminder-sms=f33517ff-2a88-4f6e-b855-c550268ce08a",
                "--joinedup.notify.send-timeout=1s");
    }

    private static Messages messages(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Messages(context, context.getBean(TransactionTemplate.class),
                context.getBean(JdbcTemplate.class), new FhirClient(port));
    }
}
