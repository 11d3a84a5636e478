package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.notify.MessageStatuses;
import org.springframework.stereotype.Component;

/**
 * Missed appointments (did not attend, DNA) by service, month and whether the patient was reminded, and the
 * waiting list by list and validation outcome: counted from the appointments and entries themselves, read as the
 * person asking (so each sees the figures of what they may see), and the outbox's record of reminders.
 */
@Component
class AttendanceReport {

    private static final Set<String> HAPPENED = Set.of("arrived", "fulfilled", "noshow");
    private static final Set<String> REACHED = Set.of("sent", "delivered");

    private final StoreCalls store;
    private final MessageStatuses messages;

    AttendanceReport(StoreCalls store, MessageStatuses messages) {
        this.store = store;
        this.messages = messages;
    }

    /** One group of appointments that have happened. */
    public record Attendance(String service, String month, boolean reminded, int attended, int missed) {

        public String dnaRate() {
            int all = attended + missed;
            return all == 0 ? "" : String.format(java.util.Locale.UK, "%.1f%%", 100.0 * missed / all);
        }
    }

    /** The waiting list by list and validation outcome. */
    public record Waiting(String list, String outcome, int count) {

        public String outcomeText() {
            return WaitingList.words("not-asked".equals(outcome) ? null : outcome);
        }
    }

    public record Report(YearMonth from, YearMonth to, List<Attendance> attendance, List<Waiting> waiting) {
    }

    Report of(FhirAccess as, YearMonth from, YearMonth to) {
        Map<String, Boolean> reminded = new HashMap<>();
        messages.byReferencePrefix("appointment/").forEach((reference, status) -> {
            String[] parts = reference.split("/");
            if (parts.length > 3 && parts[3].startsWith("reminder-")) {
                reminded.merge(parts[1], REACHED.contains(status), Boolean::logicalOr);
            }
        });
        Map<String, int[]> groups = new TreeMap<>();
        String query = "Appointment?status=arrived,fulfilled,noshow&date=ge" + from.atDay(1) + "&date=lt" + to.plusMonths(1).atDay(1)
                + "&_count=1000&_elements=status,start,serviceType";
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(as, query).body());
            for (JsonNode entry : page.path("entry")) {
                JsonNode appointment = entry.path("resource");
                String status = appointment.path("status").asText();
                if (!HAPPENED.contains(status) || !appointment.has("start")) {
                    continue;
                }
                String service = appointment.at("/serviceType/0/coding/0/display").asText(appointment.at("/serviceType/0/text").asText(
                        appointment.at("/serviceType/0/coding/0/code").asText("(no service)")));
                String month = YearMonth.from(OffsetDateTime.parse(appointment.path("start").asText()).atZoneSameInstant(WaitingList.ENGLAND)).toString();
                String key = service + "\u0000" + month + "\u0000" + reminded.getOrDefault(appointment.path("id").asText(), false);
                groups.computeIfAbsent(key, k -> new int[2])["noshow".equals(status) ? 1 : 0]++;
            }
            query = StoreCalls.nextPage(page);
        }
        List<Attendance> attendance = groups.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000");
            return new Attendance(key[0], key[1], Boolean.parseBoolean(key[2]), e.getValue()[0], e.getValue()[1]);
        }).toList();
        return new Report(from, to, attendance, waiting(as));
    }

    private List<Waiting> waiting(FhirAccess as) {
        Map<String, Integer> counts = new TreeMap<>();
        String query = "ServiceRequest?status=active&category=" + URLEncoder.encode(WaitingList.CATEGORY + "|outpatient," + WaitingList.CATEGORY + "|surgery",
                StandardCharsets.UTF_8) + "&_count=1000&_elements=category,extension";
        while (query != null) {
            JsonNode page = StoreCalls.parse(store.search(as, query).body());
            for (JsonNode entry : page.path("entry")) {
                JsonNode request = entry.path("resource");
                String outcome = WaitingList.outcome(request);
                counts.merge(request.at("/category/0/coding/0/code").asText() + "\u0000" + (outcome == null ? "not-asked" : outcome), 1, Integer::sum);
            }
            query = StoreCalls.nextPage(page);
        }
        return counts.entrySet().stream().map(e -> new Waiting(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue())).toList();
    }
}
