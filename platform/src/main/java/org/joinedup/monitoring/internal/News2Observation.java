package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.joinedup.monitoring.News2;
import org.joinedup.monitoring.News2Score;

/**
 * A NEWS2 score as a UK Core EarlyWarningTotalScore Observation: the total (SNOMED CT 1104051000000101) as a
 * {@code {ScoreOf}} quantity, each sub-score a component, the risk and response as its interpretation, derived from
 * its inputs; identified by a hash of the inputs' versions, so that the same readings are never scored twice.
 */
final class News2Observation {

    static final String PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation-EarlyWarningTotalScore";
    static final String IDENTIFIER = "https://fhir.joinedup.nhs.uk/Id/news2-inputs";
    static final ObjectMapper JSON = new ObjectMapper();

    private News2Observation() {
    }

    /** The identifier value for a set of inputs (their references with versions). */
    static String identifier(List<JsonNode> inputs) {
        String joined = String.join(",", inputs.stream().map(o -> "Observation/" + o.path("id").asText() + "/_history/"
                + o.at("/meta/versionId").asText("1")).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode of(String subject, String effective, List<JsonNode> inputs, News2Score score) {
        ObjectNode o = JSON.createObjectNode().put("resourceType", "Observation");
        o.putObject("meta").putArray("profile").add(PROFILE);
        o.putArray("identifier").addObject().put("system", IDENTIFIER).put("value", identifier(inputs));
        o.put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                .put("code", "survey").put("display", "Survey");
        o.putObject("code").put("text", "NEWS2 total score").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                .put("code", News2.TOTAL_SCORE).put("display", "Royal College of Physicians NEWS2 (National Early Warning Score 2) total score");
        o.putObject("subject").put("reference", subject);
        o.put("effectiveDateTime", effective);
        score(o.putObject("valueQuantity"), score.total());
        o.putArray("interpretation").addObject().put("text", score.risk().label() + " clinical risk" + (score.redScore() ? " (3 in a single parameter)" : "")
                + ". " + score.risk().monitoring() + ". " + score.risk().response() + ".");
        ArrayNode derived = o.putArray("derivedFrom");
        inputs.forEach(input -> derived.addObject().put("reference", "Observation/" + input.path("id").asText()));
        ArrayNode components = o.putArray("component");
        for (Map.Entry<News2.Parameter, Integer> sub : score.subScores().entrySet()) {
            ObjectNode component = components.addObject();
            component.putObject("code").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", sub.getKey().snomed())
                    .put("display", sub.getKey().display());
            score(component.putObject("valueQuantity"), sub.getValue());
        }
        return o;
    }

    private static void score(ObjectNode quantity, int value) {
        quantity.put("value", value).put("unit", "score").put("system", "http://unitsofmeasure.org").put("code", "{ScoreOf}");
    }
}
