package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApi;
import org.joinedup.monitoring.News2;
import org.joinedup.monitoring.News2Score;
import org.joinedup.monitoring.VitalSigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores newly written vital signs: each new input is looked at with the patient's other vital signs taken at the same
 * moment (or a panel with its members), and once the set is complete its NEWS2 is written, as the platform's NEWS2
 * calculator, through the FHIR API (audited like any write), created only if those same readings were not scored
 * already. SpO2 is scored on scale 2 only while the patient has an active Flag saying a clinician prescribed it. A new
 * score that needs a response asks for its alerts (NEWS2, sepsis) in the score's own transaction, to the team of the
 * patient's virtual ward, else their GP practice.
 */
@Component
class News2Calculator {

    private static final Logger log = LoggerFactory.getLogger(News2Calculator.class);
    /** The Flag a clinician records when SpO2 is to be scored on scale 2 (target 88–92%). */
    static final String SCALE_2 = "https://fhir.joinedup.nhs.uk/CodeSystem/news2|spo2-scale-2";
    static final FhirAccess CALCULATOR = new FhirAccess(new FhirAgent("JoinedUp NEWS2 calculator", "system", null, null, null, "HOPERAT", null),
            FhirAccess.SYSTEM.permissions(), FhirAccess.SYSTEM.visibility(), false);

    private final FhirApi fhir;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher alerts;
    private final WardBoardStream boards;

    News2Calculator(FhirApi fhir, TransactionTemplate transactions, ApplicationEventPublisher alerts, WardBoardStream boards) {
        this.boards = boards;
        this.fhir = fhir;
        this.transactions = transactions;
        this.alerts = alerts;
    }

    /** Scores the sets these new Observations complete; how many scores were written. */
    int scoreAround(List<String> observationIds) {
        Map<String, List<JsonNode>> sets = new LinkedHashMap<>();
        for (int i = 0; i < observationIds.size(); i += 100) {
            List<String> ids = observationIds.subList(i, Math.min(observationIds.size(), i + 100));
            for (JsonNode o : search("Observation?_id=" + String.join(",", ids) + "&code=" + VitalSignsReader.CODES + "&_count=" + ids.size())) {
                String subject = o.at("/subject/reference").asText("");
                String when = o.path("effectiveDateTime").asText("");
                if (!subject.startsWith("Patient/") || when.isEmpty() || !"final".equals(o.path("status").asText()) && !"amended".equals(o.path("status").asText())) {
                    continue;
                }
                if (o.has("hasMember")) {
                    sets.putIfAbsent("panel:" + o.path("id").asText(), members(o));
                } else if (VitalSignsReader.isInput(o)) {
                    sets.computeIfAbsent(subject + "@" + when, key -> takenWith(subject, when));
                }
            }
        }
        int written = 0;
        for (List<JsonNode> set : sets.values()) {
            written += score(set) ? 1 : 0;
        }
        return written;
    }

    private boolean score(List<JsonNode> set) {
        List<JsonNode> inputs = latestPerKind(set);
        if (inputs.isEmpty()) {
            return false;
        }
        String subject = inputs.getFirst().at("/subject/reference").asText();
        VitalSigns read = VitalSignsReader.read(inputs);
        if (!read.complete()) {
            return false;
        }
        VitalSigns signs = read.onScale2(scale2(subject)); // the Flags are read only for a complete set
        News2Score score = News2.score(signs);
        JsonNode observation = News2Observation.of(subject, inputs.getFirst().path("effectiveDateTime").asText(), inputs, score);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + observation + ",\"request\":{\"method\":\"POST\","
                + "\"url\":\"Observation\",\"ifNoneExist\":\"identifier=" + News2Observation.IDENTIFIER + "|" + News2Observation.identifier(inputs) + "\"}}]}";
        Instant received = Instant.now();
        boolean written = Boolean.TRUE.equals(transactions.execute(status -> {
            FhirApi.Answer answer = fhir.handle(CALCULATOR, "POST", "", bundle.getBytes(StandardCharsets.UTF_8));
            if (answer.status() != 200) {
                log.warn("A NEWS2 score for {} could not be written: {} {}", subject, answer.status(), answer.text());
                return false;
            }
            if (!answer.text().contains("\"201")) {
                return false; // scored before: its alerts were asked for then
            }
            if (!VitalSignAlerts.needed(signs, score)) {
                return true; // the ward's routine monitoring is enough: no one to find
            }
            ResponsibleTeam team = ResponsibleTeam.of(fhir, subject);
            if (team == null) {
                log.warn("NEWS2 {} for {}: no virtual ward or GP practice to alert", score.total(), subject);
                return true;
            }
            String reference = answer.written(0);
            Instant effective = java.time.OffsetDateTime.parse(inputs.getFirst().path("effectiveDateTime").asText()).toInstant();
            VitalSignAlerts.of(News2Observation.identifier(inputs), reference, subject, signs, score, team, effective, received).forEach(alerts::publishEvent);
            return true;
        }));
        if (written) {
            boards.changedPatient(subject.replaceFirst("^Patient/", ""));
        }
        return written;
    }

    /** The patient's vital signs taken at that moment. */
    private List<JsonNode> takenWith(String subject, String when) {
        return search("Observation?subject=" + subject + "&date=eq" + URLEncoder.encode(when, StandardCharsets.UTF_8) + "&status=final,amended&_count=100")
                .stream().filter(VitalSignsReader::isInput).toList();
    }

    private List<JsonNode> members(JsonNode panel) {
        List<String> ids = new ArrayList<>();
        panel.path("hasMember").forEach(m -> ids.add(m.path("reference").asText().replaceFirst("^Observation/", "")));
        if (ids.isEmpty() || ids.stream().anyMatch(id -> !id.matches("[A-Za-z0-9.-]{1,64}"))) {
            return List.of();
        }
        return search("Observation?_id=" + String.join(",", ids) + "&_count=" + ids.size()).stream().filter(VitalSignsReader::isInput).toList();
    }

    /** One reading of each kind: the last written, if a kind was recorded twice at one moment. */
    private static List<JsonNode> latestPerKind(List<JsonNode> set) {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        for (JsonNode o : set) {
            String code = o.at("/code/coding/0/code").asText();
            JsonNode before = byCode.get(code);
            if (before == null || o.at("/meta/lastUpdated").asText().compareTo(before.at("/meta/lastUpdated").asText()) > 0) {
                byCode.put(code, o);
            }
        }
        return new ArrayList<>(byCode.values());
    }

    /** Whether an active Flag prescribes scale 2 (Flag has no code or status search parameter: its Flags are read and looked at). */
    private boolean scale2(String subject) {
        String[] code = SCALE_2.split("\\|");
        return search("Flag?patient=" + subject + "&_count=200").stream().filter(f -> "active".equals(f.path("status").asText()))
                .anyMatch(f -> f.at("/code/coding").findParents("code").stream()
                        .anyMatch(c -> code[0].equals(c.path("system").asText()) && code[1].equals(c.path("code").asText())));
    }

    private List<JsonNode> search(String query) {
        FhirApi.Answer answer = fhir.handle(CALCULATOR, "GET", query, null);
        if (answer.status() != 200) {
            log.warn("NEWS2 calculator search {} answered {}", query, answer.status());
        }
        return answer.matches();
    }
}
