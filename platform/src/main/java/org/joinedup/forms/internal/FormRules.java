package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/**
 * A questionnaire's scoring and triage rules, declared as data beside it ({@code <name>.rules.json}, versioned
 * with it): the total of the chosen options' ordinal values with its code and severity bands; flags raised when an
 * answer equals a value or reaches a number (any of a repeating question's answers, in any answer of a repeating
 * group; or the BMI from height and weight reaches one), each with its text,
 * the pathway it routes to, and whether it is urgent.
 */
record FormRules(JsonNode rules) {

    /** A flag raised: what it says, where it routes, and whether someone must act today. */
    record Flag(String text, String route, boolean urgent) {
    }

    /** An operation to call on what the questionnaire is about, with parameters taken from answers (name to linkId). */
    record Effect(String operation, String on, Map<String, String> parameters) {
    }

    List<Effect> effects() {
        List<Effect> effects = new ArrayList<>();
        for (JsonNode effect : rules.path("then")) {
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            effect.path("parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().asText()));
            effects.add(new Effect(effect.path("operation").asText(), effect.path("on").asText(), parameters));
        }
        return effects;
    }

    /** What to tell the patient once they have answered, by the answer to one question ({@code *} for any other), or null. */
    String thanks(Answers answers) {
        JsonNode thanks = rules.path("thanks");
        if (thanks.isMissingNode()) {
            return null;
        }
        String answer = java.util.Objects.requireNonNullElse(answers.get(thanks.path("linkId").asText()), "");
        return thanks.at("/by").has(answer) ? thanks.at("/by").path(answer).asText() : thanks.at("/by/*").asText(null);
    }

    boolean scored() {
        return rules.has("score");
    }

    JsonNode scoreCode() {
        return rules.at("/score/code");
    }

    /** The total of the ordinal values of the options chosen, for the questions shown. */
    int score(Form form, Answers answers) {
        double total = 0;
        for (Form.Shown shown : form.shown(answers)) {
            for (FormItem.Option option : shown.item().options()) {
                if (answers.has(shown.key(), option.code()) && option.ordinal() != null) {
                    total += option.ordinal();
                }
            }
        }
        return (int) Math.round(total);
    }

    String band(int score) {
        for (JsonNode band : rules.path("bands")) {
            if (score >= band.path("from").asInt() && score <= band.path("to").asInt()) {
                return band.path("label").asText();
            }
        }
        return null;
    }

    List<Flag> flags(Form form, Answers answers) {
        List<Flag> raised = new ArrayList<>();
        List<Form.Shown> shown = form.shown(answers);
        for (JsonNode flag : rules.path("flags")) {
            if (raises(flag, form, shown, answers)) {
                raised.add(new Flag(flag.path("text").asText(), flag.path("route").asText(null), flag.path("urgent").asBoolean()));
            }
        }
        raised.sort((a, b) -> Boolean.compare(b.urgent(), a.urgent()));
        return raised;
    }

    /** Whether a flag is raised: by the BMI, or by any answer to its question (in any answer of a repeating group it sits in). */
    private boolean raises(JsonNode flag, Form form, List<Form.Shown> shown, Answers answers) {
        if (flag.has("bmiAtLeast")) {
            Double bmi = bmi(answers);
            return bmi != null && bmi >= flag.path("bmiAtLeast").asDouble();
        }
        String linkId = flag.path("linkId").asText();
        List<String> shownKeys = shown.stream().filter(s -> s.item().linkId().equals(linkId)).map(Form.Shown::key).toList();
        for (String key : shownKeys) {
            for (String answer : answers.all(key)) {
                if (flag.has("equals") && flag.path("equals").asText().equals(answer)) {
                    return true;
                }
                Double value = flag.has("atLeast") ? value(form, linkId, answer) : null;
                if (value != null && value >= flag.path("atLeast").asDouble()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A number answer, or a chosen option's ordinal value. */
    private static Double value(Form form, String linkId, String answer) {
        for (FormItem question : form.questions()) {
            if (question.linkId().equals(linkId)) {
                for (FormItem.Option option : question.options()) {
                    if (option.code().equals(answer)) {
                        return option.ordinal();
                    }
                }
            }
        }
        try {
            return Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Double bmi(Answers answers) {
        if (!rules.has("bmi")) {
            return null;
        }
        try {
            double metres = Double.parseDouble(java.util.Objects.requireNonNullElse(answers.get(rules.at("/bmi/height").asText()), "")) / 100;
            double kilograms = Double.parseDouble(java.util.Objects.requireNonNullElse(answers.get(rules.at("/bmi/weight").asText()), ""));
            return metres > 0 ? kilograms / (metres * metres) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
