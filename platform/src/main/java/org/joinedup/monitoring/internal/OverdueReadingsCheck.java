package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertSeverity;
import org.joinedup.fhir.FhirApi;
import org.joinedup.monitoring.MonitoringProperties;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code overdue-check}, the patients on virtual wards whose monitoring plan's readings are overdue: an alert
 * (routine) to the ward's team, once per lapse (keyed by the stay and when the readings were last taken, so a lapse
 * that goes on raises no second alert, and a new lapse after new readings raises a new one).
 */
@Component
class OverdueReadingsCheck implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueReadingsCheck.class);
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm")
            .withZone(java.time.ZoneId.of("Europe/London"));

    private final FhirApi fhir;
    private final ApplicationEventPublisher alerts;
    private final TransactionTemplate transactions;
    private final PollingLoop loop;

    OverdueReadingsCheck(FhirApi fhir, ApplicationEventPublisher alerts, TransactionTemplate transactions, MonitoringProperties properties) {
        this.fhir = fhir;
        this.alerts = alerts;
        this.transactions = transactions;
        this.loop = new PollingLoop("overdue-readings", properties.overdueCheck(), log, "Overdue readings could not be checked", this::check);
    }

    /** One look at every virtual ward stay. */
    boolean check() {
        String page = "Encounter?status=in-progress&class=VR&_count=200";
        while (page != null) {
            JsonNode bundle = fhir.handle(News2Calculator.CALCULATOR, "GET", page, null).json();
            for (JsonNode entry : bundle.path("entry")) {
                check(entry.path("resource"));
            }
            page = null;
            for (JsonNode link : bundle.path("link")) {
                if ("next".equals(link.path("relation").asText())) {
                    page = link.path("url").asText().replaceFirst("^.*?/fhir/", "");
                }
            }
        }
        return false;
    }

    private void check(JsonNode stay) {
        String subject = stay.at("/subject/reference").asText("");
        if (!subject.startsWith("Patient/")) {
            return;
        }
        Instant admitted = WardBoard.instant(stay.at("/period/start").asText(null));
        var overdue = MonitoringPlans.overdueReadings(fhir, News2Calculator.CALCULATOR, subject.substring(8), admitted);
        if (overdue.isEmpty()) {
            return;
        }
        ResponsibleTeam team = ResponsibleTeam.of(fhir, subject);
        if (team == null) {
            return;
        }
        Instant now = Instant.now();
        transactions.executeWithoutResult(status -> overdue.forEach(o -> alerts.publishEvent(new AlertRequested(
                "overdue/" + stay.path("id").asText() + "/" + (o.last() == null ? "admission" : o.last().toEpochMilli()) + "/" + o.interval().toMinutes(),
                "overdue-readings", AlertKind.OVERDUE_READINGS, AlertSeverity.ROUTINE, "Readings overdue: " + String.join(", ", o.readings()),
                "Due every " + WardBoard.since(o.interval()) + (o.last() == null ? "; none taken since admission" : "; last taken " + TIME.format(o.last())),
                team.organisation(), team.place(), subject.substring(8), "Encounter/" + stay.path("id").asText(), now, now))));
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
