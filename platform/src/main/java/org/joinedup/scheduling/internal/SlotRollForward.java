package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps every clinic's slots made {@code slotHorizonWeeks} ahead: each active Schedule with weekly sessions gets
 * the days after those already made (its {@code slots-made-until} extension says which), then the extension is
 * moved on. Runs hourly from start (a clinic already made up to the horizon costs only its read); making a day
 * twice adds nothing, so two nodes running it do no harm.
 */
@Component
class SlotRollForward {

    static final String MADE_UNTIL = "https://fhir.joinedup.nhs.uk/StructureDefinition/slots-made-until";
    private static final Logger log = LoggerFactory.getLogger(SlotRollForward.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final StoreCalls store;
    private final GenerateSlots generate;
    private final SchedulingProperties properties;

    SlotRollForward(StoreCalls store, GenerateSlots generate, SchedulingProperties properties) {
        this.store = store;
        this.generate = generate;
        this.properties = properties;
    }

    /** Rolls every clinic forward; answers how many clinics gained days. */
    int rollForward() {
        LocalDate today = LocalDate.now(ENGLAND);
        LocalDate horizon = today.plusWeeks(properties.slotHorizonWeeks());
        int rolled = 0;
        String query = "Schedule?active=true&_count=200";
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(FhirAccess.SYSTEM, query).body());
            for (JsonNode entry : page.path("entry")) {
                ObjectNode schedule = (ObjectNode) entry.path("resource");
                if ("Schedule".equals(schedule.path("resourceType").asText()) && !ClinicSessions.of(schedule).sessions().isEmpty()
                        && roll(schedule, today, horizon)) {
                    rolled++;
                }
            }
            query = StoreCalls.nextPage(page);
        }
        if (rolled > 0) {
            log.info("Appointments: {} clinics' slots made up to {}", rolled, horizon);
        }
        return rolled;
    }

    private boolean roll(ObjectNode schedule, LocalDate today, LocalDate horizon) {
        LocalDate madeUntil = madeUntil(schedule);
        LocalDate from = madeUntil == null || madeUntil.isBefore(today) ? today : madeUntil.plusDays(1);
        if (!from.isBefore(horizon)) {
            return false;
        }
        int weeks = (int) Math.min(52, (ChronoUnit.DAYS.between(from, horizon) + 6) / 7);
        String id = schedule.path("id").asText();
        generate.run(FhirAccess.SYSTEM, "POST", id, new OperationInput(Map.of("from", List.of(from.toString()), "weeks", List.of(String.valueOf(weeks))), null));
        ObjectNode current = store.read(FhirAccess.SYSTEM, "Schedule/" + id);
        ArrayNode extensions = current.withArray("extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (MADE_UNTIL.equals(extensions.get(i).path("url").asText())) {
                extensions.remove(i);
            }
        }
        extensions.addObject().put("url", MADE_UNTIL).put("valueDate", from.plusWeeks(weeks).minusDays(1).toString());
        ArrayNode entries = StoreCalls.JSON.createArrayNode();
        StoreCalls.put(entries, current);
        store.transaction(FhirAccess.SYSTEM, entries, "The clinic changed while its slots were made: it is rolled forward next time");
        return true;
    }

    private static LocalDate madeUntil(JsonNode schedule) {
        for (JsonNode extension : schedule.path("extension")) {
            if (MADE_UNTIL.equals(extension.path("url").asText())) {
                return LocalDate.parse(extension.path("valueDate").asText());
            }
        }
        return null;
    }
}
