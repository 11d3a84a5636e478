package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/** Reads a FHIR Questionnaire into the form the pages render (the item types, options and extensions JoinedUp supports). */
final class FormReader {

    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private FormReader() {
    }

    static Form read(String name, JsonNode questionnaire) {
        return new Form(name, questionnaire.path("title").asText(name), questionnaire.path("url").asText(), questionnaire.path("version").asText(""),
                items(questionnaire.path("item")));
    }

    private static List<FormItem> items(JsonNode items) {
        List<FormItem> read = new ArrayList<>();
        for (JsonNode item : items) {
            List<FormItem.Option> options = new ArrayList<>();
            for (JsonNode option : item.path("answerOption")) {
                JsonNode coding = option.path("valueCoding");
                options.add(new FormItem.Option(coding.path("system").asText(null), coding.path("code").asText(), coding.path("display").asText(),
                        extension(option, ORDINAL) == null ? null : extension(option, ORDINAL).path("valueDecimal").asDouble()));
            }
            List<FormItem.Condition> conditions = new ArrayList<>();
            for (JsonNode condition : item.path("enableWhen")) {
                String answer = "";
                for (var field : condition.properties()) {
                    if (field.getKey().startsWith("answer")) {
                        answer = field.getValue().isObject() ? field.getValue().path("code").asText() : field.getValue().asText();
                    }
                }
                conditions.add(new FormItem.Condition(condition.path("question").asText(), condition.path("operator").asText("="), answer));
            }
            JsonNode unit = extension(item, UNIT);
            read.add(new FormItem(item.path("linkId").asText(), item.path("type").asText(), item.path("text").asText(""), item.path("required").asBoolean(),
                    options, unit == null ? null : unit.at("/valueCoding/display").asText(unit.at("/valueCoding/code").asText()),
                    number(extension(item, MIN)), number(extension(item, MAX)), conditions, items(item.path("item"))));
        }
        return read;
    }

    private static Double number(JsonNode extension) {
        if (extension == null) {
            return null;
        }
        JsonNode value = extension.has("valueDecimal") ? extension.path("valueDecimal") : extension.path("valueInteger");
        return value.isNumber() ? value.asDouble() : null;
    }

    static JsonNode extension(JsonNode element, String url) {
        for (JsonNode extension : element.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return extension;
            }
        }
        return null;
    }
}
