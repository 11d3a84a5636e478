package org.joinedup.scheduling.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code Appointment/$find}: free slots, earliest first, from {@code start} (default now, never earlier) to
 * {@code end} (default four weeks on), for a {@code service-type} and a {@code location} if given; {@code _count}
 * of them (default 10). The clinics (Schedules) of that service and place are found first, then their free
 * slots, which keeps the search quick however many clinics the region has. The answer is the searchset of Slots,
 * read as the caller. A patient is offered only the slots they may book themselves (after the service's cut-off,
 * within its booking horizon).
 */
@Component
class FindSlots extends SchedulingOperation {

    private final StoreCalls store;
    private final PatientRules rules;

    FindSlots(StoreCalls store, PatientRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "find";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = instant(input.get("start"), now);
        if (from.isBefore(now)) {
            from = now;
        }
        String service = input.get("service-type");
        if (PatientRules.isPatient(caller)) { // only the slots a patient may book themselves
            var own = rules.ofService(service);
            from = from.isBefore(now.plus(own.cutOff())) ? now.plus(own.cutOff()) : from;
        }
        Instant to = instant(input.get("end"), from.plus(28, ChronoUnit.DAYS));
        if (PatientRules.isPatient(caller) && to.isAfter(now.plus(rules.ofService(service).bookAhead()))) {
            to = now.plus(rules.ofService(service).bookAhead());
        }
        int count = count(input.get("_count"));
        FhirAccess reader = PatientRules.writer(caller); // a patient may look for free slots
        String location = input.get("location");
        StringBuilder query = new StringBuilder("Slot?status=free&start=ge").append(encode(from)).append("&start=lt").append(encode(to))
                .append("&_sort=start&_count=").append(count);
        if (service != null || location != null) {
            // the clinics first (few), then their slots: a slot's schedule is far more selective than its service
            StringBuilder clinics = new StringBuilder("Schedule?active=true&_count=200&_elements=id");
            if (service != null) {
                clinics.append("&service-type=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
            }
            if (location != null) {
                clinics.append("&actor=").append(URLEncoder.encode(location, StandardCharsets.UTF_8));
            }
            FhirApi.Answer found = store.search(reader, clinics.toString());
            if (found.status() != 200) {
                return found;
            }
            java.util.List<String> schedules = new java.util.ArrayList<>();
            StoreCalls.parse(found.body()).path("entry").forEach(entry -> schedules.add("Schedule/" + entry.at("/resource/id").asText()));
            if (schedules.isEmpty()) {
                return resource(200, StoreCalls.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset").put("total", 0));
            }
            query.append("&schedule=").append(URLEncoder.encode(String.join(",", schedules), StandardCharsets.UTF_8));
            if (service != null) {
                query.append("&service-type=").append(URLEncoder.encode(service, StandardCharsets.UTF_8)); // a clinic may run several
            }
        }
        return store.search(reader, query.toString());
    }

    private static Instant instant(String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "invalid", "'" + value + "' is not a date (2026-12-01) or a date and time with its offset");
        }
    }

    private static int count(String value) {
        try {
            return value == null ? 10 : Math.max(1, Math.min(100, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "invalid", "_count must be a number");
        }
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
