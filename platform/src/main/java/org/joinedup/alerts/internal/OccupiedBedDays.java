package org.joinedup.alerts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * A care home's occupied bed days by month: for each resident's stay (an EpisodeOfCare managed by the home,
 * not cancelled or entered in error), the days of the month it covers, to the day before it ended (or today).
 * An aggregate only: no resident is named, so the count is the platform's own reading.
 */
@Component
class OccupiedBedDays {

    private static final Set<String> NOT_STAYS = Set.of("cancelled", "entered-in-error", "planned", "waitlist");

    private final FhirApi fhir;

    OccupiedBedDays(FhirApi fhir) {
        this.fhir = fhir;
    }

    Map<YearMonth, Long> byMonth(String odsCode, List<YearMonth> months, LocalDate today) {
        Map<YearMonth, Long> days = new LinkedHashMap<>();
        months.forEach(m -> days.put(m, 0L));
        List<JsonNode> homes = fhir.handle(FhirAccess.SYSTEM, "GET", "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|" + odsCode, null)
                .matches();
        for (JsonNode home : homes) {
            for (JsonNode stay : fhir.handle(FhirAccess.SYSTEM, "GET", "EpisodeOfCare?organization=Organization/" + home.path("id").asText()
                    + "&_count=1000&_elements=status,period", null).matches()) {
                if (NOT_STAYS.contains(stay.path("status").asText()) || !stay.at("/period/start").isTextual()) {
                    continue;
                }
                LocalDate start = LocalDate.parse(stay.at("/period/start").asText().substring(0, 10));
                LocalDate end = stay.at("/period/end").isTextual() ? LocalDate.parse(stay.at("/period/end").asText().substring(0, 10)) : today.plusDays(1);
                for (YearMonth month : months) {
                    LocalDate from = max(start, month.atDay(1));
                    LocalDate until = min(min(end, month.plusMonths(1).atDay(1)), today.plusDays(1));
                    if (until.isAfter(from)) {
                        days.merge(month, until.toEpochDay() - from.toEpochDay(), Long::sum);
                    }
                }
            }
        }
        return days;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
