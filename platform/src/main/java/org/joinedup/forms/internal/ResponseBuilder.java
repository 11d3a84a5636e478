package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/**
 * Answers to and from a QuestionnaireResponse, nested as the questionnaire's groups are: a repeating group's
 * answers as repeated items, a repeating question's as several answers, each of its type (a choice as its coding,
 * an open choice's own words as a string, a photo as an attachment with its size and hash).
 */
final class ResponseBuilder {

    static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBuilder() {
    }

    static ObjectNode response(Form form, String patientId, Answers answers, String status) {
        ObjectNode response = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse")
                .put("questionnaire", form.url() + (form.version().isEmpty() ? "" : "|" + form.version())).put("status", status);
        response.putObject("subject").put("reference", "Patient/" + patientId);
        response.putObject("author").put("reference", "Patient/" + patientId);
        response.put("authored", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ArrayNode items = items(form.items(), answers, "");
        if (!items.isEmpty()) {
            response.set("item", items);
        }
        return response;
    }

    private static ArrayNode items(List<FormItem> items, Answers answers, String suffix) {
        ArrayNode out = JSON.createArrayNode();
        for (FormItem item : items) {
            if (!item.enabled(answers, suffix) || "display".equals(item.type())) {
                continue;
            }
            if ("group".equals(item.type())) {
                int instances = item.repeats() ? answers.instances(item.linkId() + suffix) : 1;
                for (int n = 1; n <= instances; n++) {
                    ArrayNode children = items(item.items(), answers, item.repeats() ? suffix + "#" + n : suffix);
                    if (!children.isEmpty()) {
                        out.addObject().put("linkId", item.linkId()).put("text", item.text()).set("item", children);
                    }
                }
                continue;
            }
            ObjectNode node = JSON.createObjectNode().put("linkId", item.linkId()).put("text", item.text());
            ArrayNode values = JSON.createArrayNode();
            String key = item.linkId() + suffix;
            Answers.Attachment attachment = answers.attachment(key);
            if ("attachment".equals(item.type()) && attachment != null) {
                values.addObject().set("valueAttachment", attachment(attachment));
            }
            for (String answer : answers.all(key)) {
                if (!Answers.OTHER.equals(answer)) {
                    value(item, answer, values.addObject());
                }
            }
            if (!values.isEmpty()) {
                node.set("answer", values);
                out.add(node);
            }
        }
        return out;
    }

    private static void value(FormItem item, String answer, ObjectNode value) {
        try {
            typedValue(item, answer, value);
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            value.removeAll().put("valueString", answer); // a draft keeps what was typed, even when it is not yet a number
        }
    }

    private static void typedValue(FormItem item, String answer, ObjectNode value) {
        switch (item.type()) {
            case "boolean" -> value.put("valueBoolean", Boolean.parseBoolean(answer));
            case "integer" -> value.put("valueInteger", (int) Double.parseDouble(answer));
            case "decimal" -> value.put("valueDecimal", new java.math.BigDecimal(answer));
            case "date" -> value.put("valueDate", java.time.LocalDate.parse(answer).toString());
            case "choice", "open-choice" -> {
                FormItem.Option chosen = item.options().stream().filter(o -> o.code().equals(answer)).findFirst().orElse(null);
                if (chosen == null) {
                    value.put("valueString", answer); // an open choice in the patient's own words
                    return;
                }
                ObjectNode coding = value.putObject("valueCoding");
                if (chosen.system() != null) {
                    coding.put("system", chosen.system());
                }
                coding.put("code", chosen.code()).put("display", chosen.display());
            }
            default -> value.put("valueString", answer);
        }
    }

    private static ObjectNode attachment(Answers.Attachment attachment) {
        try {
            return JSON.createObjectNode().put("contentType", attachment.contentType()).put("data", Base64.getEncoder().encodeToString(attachment.data()))
                    .put("size", attachment.data().length).put("title", attachment.title())
                    .put("hash", Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(attachment.data())));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answers a stored response holds, keyed as the form's fields are. */
    static Answers answers(Form form, JsonNode response) {
        Answers answers = new Answers();
        collect(form, response.path("item"), "", answers);
        return answers;
    }

    private static void collect(Form form, JsonNode items, String suffix, Answers answers) {
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode node : items) {
            String linkId = node.path("linkId").asText();
            FormItem item = form.item(linkId);
            if (item == null) {
                continue;
            }
            if (item.isRepeatingGroup()) {
                int n = seen.merge(linkId, 1, Integer::sum);
                answers.instances(linkId + suffix, n);
                collect(form, node.path("item"), suffix + "#" + n, answers);
                continue;
            }
            for (JsonNode answer : node.path("answer")) {
                for (var field : answer.properties()) {
                    if (field.getKey().equals("valueAttachment")) {
                        JsonNode file = field.getValue();
                        answers.attach(linkId + suffix, new Answers.Attachment(file.path("title").asText("photo"), file.path("contentType").asText(),
                                Base64.getDecoder().decode(file.path("data").asText())));
                    } else if (field.getKey().startsWith("value")) {
                        answers.add(linkId + suffix, field.getValue().isObject() ? field.getValue().path("code").asText() : field.getValue().asText());
                    }
                }
            }
            collect(form, node.path("item"), suffix, answers);
        }
    }
}
