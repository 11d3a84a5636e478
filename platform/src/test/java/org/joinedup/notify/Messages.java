package org.joinedup.notify;

import java.util.Map;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Test helpers: patients with contact details, messages asked for as a module does (an event in a transaction), and the outbox read back. */
record Messages(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcTemplate jdbc, FhirClient fhir) {

    String patient(String given, String telecomJson, String extensionJson) {
        String json = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Message\",\"given\":[\"" + given + "\"]}],\"telecom\":" + telecomJson
                + (extensionJson == null ? "" : ",\"extension\":" + extensionJson) + "}";
        return fhir.create(FhirClient.parse(json)).path("id").asText();
    }

    void request(MessageRequested request) {
        transactions.executeWithoutResult(tx -> events.publishEvent(request));
    }

    void withdraw(String prefix) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new MessagesWithdrawn(prefix, "The appointment was cancelled")));
    }

    /** The message's row once its status is one of those given (waiting up to ten seconds). */
    Map<String, Object> awaitStatus(String reference, String... statuses) {
        return Eventually.await(() -> jdbc.queryForList("SELECT * FROM message WHERE reference = ?", reference).stream().findFirst().orElse(Map.of()),
                row -> row.containsKey("status") && java.util.List.of(statuses).contains(row.get("status")));
    }

    static MessageRequested reminder(String reference, String patientId, java.time.Instant expires) {
        return new MessageRequested(reference, patientId, MessageKind.APPOINTMENT_REMINDER,
                Map.of("date", "Tuesday 1 December 2026", "time", "9:30am", "place", "Demo Hospital"), "/portal/appointments/123", expires);
    }
}
