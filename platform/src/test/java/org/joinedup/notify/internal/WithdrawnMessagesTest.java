package org.joinedup.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirTest;
import org.joinedup.notify.MessagesWithdrawn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages waiting to go (here, for the quiet hours) are cancelled when withdrawn; those of other appointments are not. */
@FhirTest
class WithdrawnMessagesTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withdrawingAnAppointmentsMessagesCancelsThoseNotYetSent() {
        Instant tomorrow = Instant.now().plusSeconds(86_400);
        outbox.add(waiting("appointment/w1/1/reminder-P7D", tomorrow));
        outbox.add(waiting("appointment/w1/1/reminder-PT24H", tomorrow));
        outbox.add(waiting("appointment/w10/1/reminder-P7D", tomorrow));

        transactions.executeWithoutResult(tx -> events.publishEvent(new MessagesWithdrawn("appointment/w1/", "The appointment was cancelled")));

        Map<String, String> statuses = Eventually.await(() -> outbox.statusesByPrefix("appointment/w1"), s -> s.containsValue("cancelled")
                && s.values().stream().filter("cancelled"::equals).count() == 2);
        assertThat(statuses).containsEntry("appointment/w1/1/reminder-P7D", "cancelled").containsEntry("appointment/w1/1/reminder-PT24H", "cancelled")
                .containsEntry("appointment/w10/1/reminder-P7D", "queued");
        assertThat(jdbc.queryForObject("SELECT status_reason FROM message WHERE reference = 'appointment/w1/1/reminder-P7D'", String.class))
                .isEqualTo("The appointment was cancelled");
    }

    private static Outbox.NewMessage waiting(String reference, Instant until) {
        return new Outbox.NewMessage(reference, "w", "appointment-reminder", "sms", "07700900999", null, "Hello", Map.of(), "queued", null, until, null);
    }
}
