package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/** Answers to and from a QuestionnaireResponse, nested as the questionnaire's groups are, with each answer of its type. */
final class ResponseBuilder {

    static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBuilder() {
    }

    static ObjectNode response(Form form, String patientId, Map<String, String> answers, String status) {
        ObjectNode response = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse")
                .put("questionnaire", form.url() + (form.version().isEmpty() ? "" : "|" + form.version())).put("status", status);
        response.putObject("subject").put("reference", "Patient/" + patientId);
        response.putObject("author").put("reference", "Patient/" + patientId);
        response.put("authored", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ArrayNode items = items(form.items(), answers);
        if (!items.isEmpty()) {
            response.set("item", items);
        }
        return response;
    }

    private static ArrayNode items(List<FormItem> items, Map<String, String> answers) {
        ArrayNode out = JSON.createArrayNode();
        for (FormItem item : items) {
            if (!item.enabled(answers) || "display".equals(item.type())) {
                continue;
            }
            ObjectNode node = JSON.createObjectNode().put("linkId", item.linkId()).put("text", item.text());
            if ("group".equals(item.type())) {
                ArrayNode children = items(item.items(), answers);
                if (!children.isEmpty()) {
                    node.set("item", children);
                    out.add(node);
                }
                continue;
            }
            String answer = answers.getOrDefault(item.linkId(), "").trim();
            if (answer.isEmpty()) {
                continue;
            }
            ObjectNode value = node.putArray("answer").addObject();
            switch (item.type()) {
                case "boolean" -> value.put("valueBoolean", Boolean.parseBoolean(answer));
                case "integer" -> value.put("valueInteger", (int) Double.parseDouble(answer));
                case "decimal" -> value.put("valueDecimal", new java.math.BigDecimal(answer));
                case "date" -> value.put("valueDate", answer);
                case "choice" -> item.options().stream().filter(o -> o.code().equals(answer)).findFirst().ifPresent(o -> {
                    ObjectNode coding = value.putObject("valueCoding");
                    if (o.system() != null) {
                        coding.put("system", o.system());
                    }
                    coding.put("code", o.code()).put("display", o.display());
                });
                default -> value.put("valueString", answer);
            }
            out.add(node);
        }
        return out;
    }

    /** The answers a stored response holds, by linkId, as the form's fields hold them. */
    static Map<String, String> answers(JsonNode response) {
        Map<String, String> answers = new HashMap<>();
        collect(response.path("item"), answers);
        return answers;
    }

    private static void collect(JsonNode items, Map<String, String> answers) {
        for (JsonNode item : items) {
            JsonNode answer = item.at("/answer/0");
            if (!answer.isMissingNode()) {
                for (var field : answer.properties()) {
                    if (field.getKey().startsWith("value")) {
                        answers.put(item.path("linkId").asText(), field.getValue().isObject() ? field.getValue().path("code").asText() : field.getValue().asText());
                    }
                }
            }
            collect(item.path("item"), answers);
        }
    }
}
