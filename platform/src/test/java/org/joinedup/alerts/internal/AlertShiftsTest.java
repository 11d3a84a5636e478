package org.joinedup.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertSeverity;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An alert routed to a role goes to those of the role on shift: with a care worker on shift it waits for them; with
 * no one on shift it goes at once to the next level (the manager on call), rather than wait for nobody.
 */
class AlertShiftsTest extends FhirApiTest {

    @Autowired
    AlertDesk desk;

    @Autowired
    AlertRoutes routes;

    @Autowired
    AlertShifts shifts;

    @Autowired
    JdbcTemplate jdbc;

    final String home = "VNS" + UUID.randomUUID().toString().substring(0, 5);

    @Test
    void withSomeoneOnShiftTheAlertWaitsForThemWithNoOneItEscalatesAtOnce() {
        routes.add(new AlertRoutes.NewRoute(home, "fall", 0, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "care-worker", null, null, null, null,
                Duration.ofHours(1)), "test");
        routes.add(new AlertRoutes.NewRoute(home, "fall", 1, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, null, "home.manager", "Home manager", null, null,
                Duration.ofHours(1)), "test");
        shifts.start("day.carer", home, "care-worker");
        desk.raise(fall("with-someone"));
        shifts.end("day.carer", home);
        desk.raise(fall("with-no-one"));

        desk.escalateDue();

        assertThat(jdbc.queryForObject("SELECT level FROM alert WHERE source_key = ?", Integer.class, "test/" + home + "/with-someone")).isZero();
        assertThat(jdbc.queryForObject("SELECT routed_to FROM alert WHERE source_key = ?", String.class, "test/" + home + "/with-someone"))
                .contains("on shift: day.carer");
        assertThat(jdbc.queryForObject("SELECT level FROM alert WHERE source_key = ?", Integer.class, "test/" + home + "/with-no-one")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT array_to_string(people, ',') FROM alert WHERE source_key = ?", String.class, "test/" + home + "/with-no-one"))
                .isEqualTo("home.manager");
    }

    private AlertRequested fall(String event) {
        Instant now = Instant.now();
        return new AlertRequested("test/" + home + "/" + event, "fall-detected", AlertKind.FALL, AlertSeverity.EMERGENCY, "Fall detected", null, home, "Room 1",
                null, null, now, now);
    }
}
