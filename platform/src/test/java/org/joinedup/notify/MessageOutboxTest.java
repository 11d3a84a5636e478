package org.joinedup.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** With the embedded default (the local provider), messages asked for by modules are written, kept and shown, never sent anywhere. */
@FhirTest
class MessageOutboxTest {

    private static final String MOBILE = "[{\"system\":\"phone\",\"value\":\"07700 900123\",\"use\":\"mobile\"}]";
    private static final String BOTH = "[{\"system\":\"phone\",\"value\":\"07700900124\",\"use\":\"mobile\"},{\"system\":\"email\",\"value\":\"jo@example.com\"}]";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageStatuses statuses;

    Messages messages;

    @BeforeEach
    void setUp() {
        messages = new Messages(events, transactions, jdbc, new FhirClient(port));
    }

    @Test
    void aReminderIsWrittenInThePatientsNameWithALinkAndKeptAsDeliveredByTheLocalProvider() throws Exception {
        String patient = messages.patient("Amara", MOBILE, null);
        messages.request(Messages.reminder("test/local/1", patient, Instant.now().plus(7, ChronoUnit.DAYS)));

        Map<String, Object> row = messages.awaitStatus("test/local/1", "delivered");
        assertThat(row).containsEntry("status", "delivered").containsEntry("channel", "sms").containsEntry("recipient", "07700900123")
                .containsEntry("provider", "local");
        String body = (String) row.get("body");
        assertThat(body).startsWith("Hello Amara, this is a reminder of your appointment on Tuesday 1 December 2026 at 9:30am at Demo Hospital.")
                .containsPattern("http://localhost:8080/portal/go/[A-Za-z0-9_-]{22}$");
        assertThat(statuses.byReferencePrefix("test/local/")).containsEntry("test/local/1", "delivered");

        String token = body.substring(body.lastIndexOf('/') + 1);
        SignInFlow patientBrowser = new SignInFlow(port);
        patientBrowser.submitLogin("patient", "demo-password");
        HttpResponse<String> opened = patientBrowser.page("/portal/go/" + token);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(SignInFlow.location(opened)).endsWith("/portal/appointments/123");
        assertThat(patientBrowser.page("/portal/go/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(410);
        assertThat(patientBrowser.page("/portal/go/AAAAAAAAAAAAAAAAAAAAAA").body()).contains("This link has expired");
    }

    @Test
    void askingTwiceWithOneReferenceMakesOneMessage() {
        String patient = messages.patient("Bo", MOBILE, null);
        messages.request(Messages.reminder("test/local/twice", patient, null));
        messages.request(Messages.reminder("test/local/twice", patient, null));

        messages.awaitStatus("test/local/twice", "delivered");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message WHERE reference = 'test/local/twice'", Integer.class)).isEqualTo(1);
    }

    @Test
    void theContactPreferenceChoosesEmailAndALetterPreferenceWithholdsTheMessageSayingWhy() {
        String prefersEmail = messages.patient("Cai", BOTH, preference("4"));
        String prefersLetters = messages.patient("Dee", BOTH, preference("1"));
        messages.request(Messages.reminder("test/local/email", prefersEmail, null));
        messages.request(Messages.reminder("test/local/letter", prefersLetters, null));

        Map<String, Object> email = messages.awaitStatus("test/local/email", "delivered");
        assertThat(email).containsEntry("channel", "email").containsEntry("recipient", "jo@example.com").containsEntry("subject", "Your appointment on Tuesday 1 December 2026");
        Map<String, Object> letter = messages.awaitStatus("test/local/letter", "withheld");
        assertThat(letter).containsEntry("status_reason", "The patient prefers letters");
        assertThat((String) letter.get("body")).doesNotContain("/portal/go/");
    }

    @Test
    void aPatientWhoOptedOutIsNotSentThatKindOfMessage() {
        String patient = messages.patient("Eli", MOBILE, null);
        jdbc.update("INSERT INTO message_opt_out (patient_id, kind, since, recorded_by) VALUES (?, 'appointment-reminder', now(), 'test')", patient);
        messages.request(Messages.reminder("test/local/opted-out", patient, null));

        assertThat(messages.awaitStatus("test/local/opted-out", "withheld")).containsEntry("status_reason", "The patient asked not to be sent these messages");
    }

    @Test
    void aMessageWhoseMomentHasPassedIsNotSent() {
        String patient = messages.patient("Fen", MOBILE, null);
        messages.request(Messages.reminder("test/local/late", patient, Instant.now().minusSeconds(60)));

        assertThat(messages.awaitStatus("test/local/late", "withheld")).containsEntry("status_reason", "Its moment had passed before it could be sent");
    }

    @Test
    void aRequestMissingAPlaceholdersValueIsRefusedWhenItIsMadeNotWhenItIsSent() {
        assertThatThrownBy(() -> new MessageRequested("x", "1", MessageKind.APPOINTMENT_REMINDER, Map.of("date", "today"), "/portal", null))
                .hasMessageContaining("needs a value for ((time))");
        assertThatThrownBy(() -> new MessageRequested("x", "1", MessageKind.SURGERY_LISTING, Map.of("place", "Demo Hospital"), null, null))
                .hasMessageContaining("needs a portal page");
    }

    private static String preference(String code) {
        return "[{\"url\":\"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ContactPreference\",\"extension\":[{\"url\":\"PreferredContactMethod\","
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"https://fhir.hl7.org.uk/CodeSystem/UKCore-PreferredContactMethod\",\"code\":\"" + code + "\"}]}}]}]";
    }
}
