package org.joinedup.alerts.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertsProperties;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.StaffMessageRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to alerts: raised once per event and routed by the rules (or, with no rule, to the organisation's
 * clinicians and care workers, saying so), to a role's staff on shift (with none on shift, escalating at once); acknowledged, attended and closed with an outcome by staff who see it;
 * escalated to the next level's rule when not acknowledged in time. Each step, its history line, the messages it
 * asks for (kept in the event publication registry with it) and the patient's record entry commit together; the
 * pages watching, and other modules (AlertChanged), are told after.
 */
@Component
class AlertDesk {

    private static final Logger log = LoggerFactory.getLogger(AlertDesk.class);
    static final List<String> UNROUTED_ROLES = List.of("clinician", "care-worker");
    /** The most alerts one escalation round takes. */
    static final int ESCALATION_BATCH = 50;

    private final AlertStore store;
    private final AlertRoutes routes;
    private final AlertRecordEntry record;
    private final LiveAlerts live;
    private final PatientDirectory patients;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AlertsProperties properties;
    private final AlertShifts shifts;

    AlertDesk(AlertStore store, AlertRoutes routes, AlertRecordEntry record, LiveAlerts live, PatientDirectory patients, ApplicationEventPublisher events,
              TransactionTemplate transactions, AlertsProperties properties, AlertShifts shifts) {
        this.shifts = shifts;
        this.store = store;
        this.routes = routes;
        this.record = record;
        this.live = live;
        this.patients = patients;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Raises the alert a module asked for, unless one was raised for its event already. */
    void raise(AlertRequested request) {
        Alert raised = transactions.execute(status -> {
            Instant now = Instant.now();
            Optional<Route> route = routes.find(request.organisation(), request.kind(), 0, localNow());
            List<String> roles = route.map(r -> r.role() == null ? List.<String>of() : List.of(r.role())).orElse(UNROUTED_ROLES);
            List<String> people = route.map(r -> r.person() == null ? List.<String>of() : List.of(r.person())).orElse(List.of());
            String routedTo = route.map(r -> r.who(request.organisation()) + onShift(request.organisation(), r))
                    .orElse("clinicians and care workers of " + request.organisation() + " (no routing rule matched)");
            boolean nobody = route.isPresent() && route.get().person() == null && shifts.onShift(request.organisation(), route.get().role()).isEmpty();
            Instant escalateAt = nobody ? now : now.plus(route.map(Route::escalateAfter).orElse(properties.defaultEscalateAfter()));
            String name = request.patientId() == null ? null : patients.displayName(request.patientId()).orElse(null);
            Alert alert = new Alert(UUID.randomUUID(), request.sourceKey(), request.eventType(), request.kind(), request.severity().code(), request.title(), request.detail(),
                    request.organisation(), request.place(), request.patientId(), name, request.subject(), request.occurredAt(), request.receivedAt(), now,
                    "open", 0, routedTo, roles, people, escalateAt, null, null, null, null, null, null, null, null, null);
            if (!store.insert(alert)) {
                return null;
            }
            store.happened(alert.id(), "raised", "joinedup", request.title() + (request.detail() == null ? "" : ". " + request.detail()));
            store.happened(alert.id(), "sent", "joinedup", "To " + routedTo);
            if (nobody) {
                store.happened(alert.id(), "nobody on shift", "joinedup", "No one in the role is on shift: escalating at once");
            }
            route.ifPresent(r -> message(alert, r));
            if (route.isEmpty()) {
                log.warn("Alerts: no routing rule for {} alerts of {}; sent to its clinicians and care workers", request.kind().code(), request.organisation());
            }
            recordEntry(alert);
            return alert;
        });
        if (raised != null) {
            told(raised);
        }
    }

    boolean acknowledge(UUID id, String who) {
        return change(id, a -> store.acknowledge(id, who), "acknowledged", who, null);
    }

    boolean attend(UUID id, String who) {
        return change(id, a -> store.attend(id, who), "attended", who, null);
    }

    boolean close(UUID id, String who, String outcome, String note) {
        return change(id, a -> store.close(id, who, outcome, note), "closed", who,
                org.joinedup.alerts.AlertKind.outcomeText(outcome) + (note == null || note.isBlank() ? "" : " – " + note));
    }

    /** One round of escalation: alerts not acknowledged in time go to the next level's rule. The number that were due. */
    int escalateDue() {
        int[] due = new int[1];
        List<Alert> changed = transactions.execute(status -> {
            List<Alert> done = new ArrayList<>();
            List<Alert> dueNow = store.dueForEscalation(ESCALATION_BATCH);
            due[0] = dueNow.size();
            for (Alert alert : dueNow) {
                Optional<Route> next = routes.find(alert.organisation(), alert.kind(), alert.level() + 1, localNow());
                if (next.isEmpty()) {
                    store.escalated(alert.id(), alert.level(), alert.routedTo(), alert.roles(), alert.people(), null);
                    store.happened(alert.id(), "not escalated", "joinedup", "Not acknowledged in time, and no rule names anyone further: still with "
                            + alert.routedTo());
                    continue;
                }
                Route route = next.get();
                List<String> roles = plus(alert.roles(), route.role());
                List<String> people = plus(alert.people(), route.person());
                String routedTo = route.who(alert.organisation()) + onShift(alert.organisation(), route);
                boolean nobody = route.person() == null && shifts.onShift(alert.organisation(), route.role()).isEmpty();
                store.escalated(alert.id(), route.level(), routedTo, roles, people, nobody ? Instant.now() : Instant.now().plus(route.escalateAfter()));
                store.happened(alert.id(), "escalated", "joinedup", "Not acknowledged in time: sent to " + routedTo + " (level " + route.level() + ")");
                Alert escalated = store.find(alert.id()).orElseThrow();
                message(escalated, route);
                recordEntry(escalated);
                done.add(escalated);
            }
            return done;
        });
        changed.forEach(this::told);
        return due[0];
    }

    private boolean change(UUID id, Predicate<Alert> update, String what, String who, String detail) {
        Alert changed = transactions.execute(status -> {
            Alert before = store.find(id).orElse(null);
            if (before == null || !update.test(before)) {
                return null;
            }
            store.happened(id, what, who, detail);
            Alert after = store.find(id).orElseThrow();
            recordEntry(after);
            return after;
        });
        if (changed != null) {
            told(changed);
        }
        return changed != null;
    }

    /** After a change commits: the pages watching, and other modules' boards (an AlertChanged event). */
    private void told(Alert alert) {
        live.changed(alert);
        events.publishEvent(new org.joinedup.alerts.AlertChanged(alert.id().toString(), alert.organisation(), alert.patientId(), alert.status()));
    }

    private void recordEntry(Alert alert) {
        String reference = record.write(alert);
        if (reference != null && alert.recordEntry() == null) {
            store.recordEntry(alert.id(), reference);
        }
    }

    /** A text or email to the rule's person out of the app, through the message outbox (kept with this step's transaction). */
    private void message(Alert alert, Route route) {
        Map<String, String> values = Map.of("alert", alert.kind().label() + ": " + alert.title(), "place",
                alert.place() == null ? alert.organisation() : alert.place());
        String name = route.personName() != null ? route.personName() : route.person() != null ? route.person() : "on call";
        String path = "/staff/alerts/" + alert.id();
        if (route.sms() != null) {
            events.publishEvent(new StaffMessageRequested("alert/" + alert.id() + "/" + route.level() + "/sms", name, "sms", route.sms(),
                    MessageKind.STAFF_ALERT, values, path));
            store.happened(alert.id(), "messaged", "joinedup", "Text to " + name);
        }
        if (route.email() != null) {
            events.publishEvent(new StaffMessageRequested("alert/" + alert.id() + "/" + route.level() + "/email", name, "email", route.email(),
                    MessageKind.STAFF_ALERT, values, path));
            store.happened(alert.id(), "messaged", "joinedup", "Email to " + name);
        }
    }

    /** Who of a role-routed rule's staff are on shift, in words (" (on shift: a, b)"), or nothing for a person's rule. */
    private String onShift(String organisation, Route route) {
        if (route.person() != null) {
            return "";
        }
        List<String> on = shifts.onShift(organisation, route.role());
        return on.isEmpty() ? " (no one on shift)" : " (on shift: " + String.join(", ", on) + ")";
    }

    private LocalTime localNow() {
        return LocalTime.now(properties.zone());
    }

    private static List<String> plus(List<String> values, String value) {
        if (value == null || values.contains(value)) {
            return values;
        }
        List<String> more = new ArrayList<>(values);
        more.add(value);
        return more;
    }
}
