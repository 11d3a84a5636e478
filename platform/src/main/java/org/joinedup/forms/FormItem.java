package org.joinedup.forms;

import java.util.List;
import java.util.Map;

/**
 * One item of a questionnaire: a group (with its items), a display text, or a question of a type (boolean, choice,
 * string, text, integer, decimal, date), required or not, with its options, unit and limits, shown only when its
 * {@code enableWhen} conditions hold for the answers so far.
 */
public record FormItem(String linkId, String type, String text, boolean required, List<Option> options, String unit, Double min, Double max,
                       List<Condition> enableWhen, List<FormItem> items) {

    /** A choice's option: its code, its words, and its score (ordinal value), if it has one. */
    public record Option(String system, String code, String display, Double ordinal) {
    }

    /** {@code enableWhen}: the question it depends on, the operator ({@code =}, {@code !=}, {@code exists}) and the answer compared. */
    public record Condition(String question, String operator, String answer) {

        boolean holds(Map<String, String> answers) {
            String given = answers.get(question);
            return switch (operator) {
                case "exists" -> (given != null && !given.isBlank()) == Boolean.parseBoolean(answer);
                case "!=" -> given != null && !given.equals(answer);
                default -> answer.equals(given);
            };
        }
    }

    public boolean isQuestion() {
        return !"group".equals(type) && !"display".equals(type);
    }

    /** Whether the item is shown for these answers (all its conditions hold: enableBehavior all). */
    public boolean enabled(Map<String, String> answers) {
        return enableWhen.stream().allMatch(condition -> condition.holds(answers));
    }
}
