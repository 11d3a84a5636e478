package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/**
 * Reads a FHIR Questionnaire into the form the pages render (the item types, options and extensions JoinedUp
 * supports). A choice's options are its {@code answerOption}s or the codes of its {@code answerValueSet}: a ValueSet
 * contained in the questionnaire ({@code #id}) or one shipped beside it, by canonical url, each by its expansion or
 * the concepts its compose lists.
 */
final class FormReader {

    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    private FormReader() {
    }

    static Form read(String name, JsonNode questionnaire, Map<String, JsonNode> valueSets) {
        Map<String, JsonNode> known = new HashMap<>(valueSets);
        for (JsonNode contained : questionnaire.path("contained")) {
            if ("ValueSet".equals(contained.path("resourceType").asText())) {
                known.put("#" + contained.path("id").asText(), contained);
            }
        }
        return new Form(name, questionnaire.path("title").asText(name), questionnaire.path("url").asText(), questionnaire.path("version").asText(""),
                items(questionnaire.path("item"), known));
    }

    private static List<FormItem> items(JsonNode items, Map<String, JsonNode> valueSets) {
        List<FormItem> read = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.path("linkId").asText().contains("#")) {
                throw new IllegalArgumentException("A linkId may not contain '#' (it marks an answer of a repeating group): " + item.path("linkId"));
            }
            List<FormItem.Option> options = new ArrayList<>();
            if (item.has("answerValueSet")) {
                options.addAll(valueSetOptions(item.path("answerValueSet").asText(), valueSets));
            }
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
            JsonNode control = extension(item, CONTROL);
            read.add(new FormItem(item.path("linkId").asText(), item.path("type").asText(), item.path("text").asText(""), item.path("required").asBoolean(),
                    item.path("repeats").asBoolean(), options, control == null ? null : control.at("/valueCodeableConcept/coding/0/code").asText(null),
                    unit == null ? null : unit.at("/valueCoding/display").asText(unit.at("/valueCoding/code").asText()),
                    number(extension(item, MIN)), number(extension(item, MAX)), conditions, items(item.path("item"), valueSets)));
        }
        return read;
    }

    private static List<FormItem.Option> valueSetOptions(String canonical, Map<String, JsonNode> valueSets) {
        JsonNode valueSet = valueSets.get(canonical.replaceFirst("\\|.*", ""));
        if (valueSet == null) {
            throw new IllegalArgumentException("The answer value set " + canonical + " is neither contained in the questionnaire nor shipped with it");
        }
        List<FormItem.Option> options = new ArrayList<>();
        for (JsonNode code : valueSet.at("/expansion/contains")) {
            options.add(new FormItem.Option(code.path("system").asText(null), code.path("code").asText(), code.path("display").asText(), null));
        }
        for (JsonNode include : valueSet.at("/compose/include")) {
            for (JsonNode concept : include.path("concept")) {
                options.add(new FormItem.Option(include.path("system").asText(null), concept.path("code").asText(), concept.path("display").asText(), null));
            }
        }
        return options.stream().filter(o -> options.stream().filter(p -> p.code().equals(o.code())).findFirst().orElseThrow() == o).toList();
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
