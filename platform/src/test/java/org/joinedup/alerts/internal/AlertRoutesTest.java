package org.joinedup.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import org.joinedup.alerts.AlertKind;
import org.joinedup.fhir.FhirApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Routing by organisation, kind and hour: by day a care home's falls go to its care workers, by night (22:00 to 07:00,
 * across midnight) to the night manager; a rule for the organisation beats one for any; a kind's own beats one for any
 * kind; a level with no rule has none.
 */
class AlertRoutesTest extends FhirApiTest {

    @Autowired
    AlertRoutes routes;

    final String home = "VNT" + UUID.randomUUID().toString().substring(0, 5);

    @Test
    void theMostSpecificRuleInForceAtThatHourWins() {
        routes.add(new AlertRoutes.NewRoute(home, "fall", 0, LocalTime.of(7, 0), LocalTime.of(22, 0), "care-worker", null, null, null, null,
                Duration.ofMinutes(2)), "test");
        routes.add(new AlertRoutes.NewRoute(home, "fall", 0, LocalTime.of(22, 0), LocalTime.of(7, 0), null, "night.manager", "Night manager", "07700900111",
                null, Duration.ofMinutes(1)), "test");
        routes.add(new AlertRoutes.NewRoute(home, "*", 0, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "clinician", null, null, null, null, Duration.ofMinutes(15)),
                "test");

        assertThat(routes.find(home, AlertKind.FALL, 0, LocalTime.of(10, 0))).get().extracting(Route::role).isEqualTo("care-worker");
        assertThat(routes.find(home, AlertKind.FALL, 0, LocalTime.of(21, 59))).get().extracting(Route::role).isEqualTo("care-worker");
        assertThat(routes.find(home, AlertKind.FALL, 0, LocalTime.of(22, 0))).get().extracting(Route::person).isEqualTo("night.manager");
        assertThat(routes.find(home, AlertKind.FALL, 0, LocalTime.of(3, 0))).get().extracting(Route::person).isEqualTo("night.manager");
        assertThat(routes.find(home, AlertKind.FALL, 0, LocalTime.of(6, 59))).get().extracting(Route::escalateAfter).isEqualTo(Duration.ofMinutes(1));
        assertThat(routes.find(home, AlertKind.NEWS2, 0, LocalTime.of(3, 0))).get().extracting(Route::role).isEqualTo("clinician");
        assertThat(routes.find("ELSEWHERE", AlertKind.FALL, 0, LocalTime.of(10, 0))).get().extracting(Route::role)
                .as("the demo's rule for any organisation").isEqualTo("care-worker");
        assertThat(routes.find(home, AlertKind.FALL, 5, LocalTime.of(10, 0))).isEmpty();
    }

    @Test
    void theSameRuleAddedTwiceIsKeptOnce() {
        AlertRoutes.NewRoute rule = new AlertRoutes.NewRoute(home, "medication", 0, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, "care-worker", null, null, null,
                null, Duration.ofMinutes(5));
        routes.add(rule, "test");
        routes.add(rule, "test");

        assertThat(routes.describe(home).stream().filter(r -> r.startsWith("medication alerts, level 0") && !r.endsWith("(any organisation)"))).hasSize(1);
    }
}
