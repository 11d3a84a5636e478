package org.joinedup.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A care home's month: two residents' stays make 45 occupied bed days (a stay entered in error does not count); of
 * four lamp alerts, acknowledged after 10, 20, 60 and 5 seconds, two are falls (a fall closed as a false alarm and a
 * bed exit are not); so a median of 15 s to acknowledge, and 44.44 falls per 1,000 occupied bed days.
 */
class FallsReportTest extends FhirApiTest {

    @Autowired
    FallsReport report;

    @Autowired
    JdbcTemplate jdbc;

    final String ods = "VNF" + UUID.randomUUID().toString().substring(0, 5);

    @Test
    void aMonthsFallsResponseTimesAndRatePerThousandOccupiedBedDays() {
        YearMonth month = YearMonth.of(2026, 9); // 30 days
        LocalDate today = LocalDate.of(2026, 11, 26);
        String home = fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\","
                + "\"value\":\"" + ods + "\"}],\"name\":\"Report Lodge\"}")).path("id").asText();
        stay(home, "2026-08-20", null); // all of September: 30 days
        stay(home, "2026-09-16", "2026-10-05"); // 16 to 30 September: 15 days
        stay(home, "2026-09-01", null, "entered-in-error"); // not a stay
        alert("fall-detected", "2026-09-03T10:00:00Z", 10, "no-injury");
        alert("person-on-floor", "2026-09-10T03:00:00Z", 20, "injury");
        alert("fall-detected", "2026-09-12T03:00:00Z", 60, "false-alarm");
        alert("bed-exit", "2026-09-14T02:00:00Z", 5, "no-injury");

        FallsReport.Month september = report.months(ods, today).stream().filter(m -> m.month().equals("2026-09")).findFirst().orElseThrow();

        assertThat(september.alerts()).isEqualTo(4);
        assertThat(september.falls()).isEqualTo(2);
        assertThat(september.injuries()).isEqualTo(1);
        assertThat(september.occupiedBedDays()).isEqualTo(45);
        assertThat(september.rate()).isEqualTo("44.44");
        assertThat(september.acknowledgeMedian()).isEqualTo("15 s"); // median of 10, 20, 60 and 5 seconds: (10 + 20) / 2
        assertThat(report.incidents(ods, month)).extracting(Alert::eventType).containsExactly("fall-detected", "person-on-floor", "fall-detected", "bed-exit");
    }

    private void stay(String home, String start, String end) {
        stay(home, start, end, "active");
    }

    private void stay(String home, String start, String end, String status) {
        String patient = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Resident\"}]}")).path("id").asText();
        fhir.create(FhirClient.parse("{\"resourceType\":\"EpisodeOfCare\",\"status\":\"" + (end == null ? status : "finished") + "\",\"patient\":{\"reference\":"
                + "\"Patient/" + patient + "\"},\"managingOrganization\":{\"reference\":\"Organization/" + home + "\"},\"period\":{\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}}"));
    }

    private void alert(String event, String at, int secondsToAcknowledge, String outcome) {
        Timestamp when = Timestamp.from(java.time.Instant.parse(at));
        Timestamp acknowledged = Timestamp.from(java.time.Instant.parse(at).plusSeconds(secondsToAcknowledge));
        jdbc.update("""
                INSERT INTO alert (id, source_key, event_type, kind, severity, title, organisation, occurred_at, received_at, raised_at, status, routed_to,
                                   roles, people, acknowledged_at, acknowledged_by, closed_at, closed_by, outcome)
                VALUES (?, ?, ?, 'fall', 'emergency', 'Fall', ?, ?, ?, ?, 'closed', 'carers', '{care-worker}', '{}', ?, 'carer', ?, 'carer', ?)""",
                UUID.randomUUID(), "test/" + UUID.randomUUID(), event, ods, when, when, when, acknowledged, acknowledged, outcome);
    }

}
