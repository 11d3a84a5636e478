package org.joinedup.forms;

import java.util.List;

/**
 * One item of a questionnaire: a group (with its items), a display text, or a question of a type (boolean, choice,
 * open-choice, string, text, integer, decimal, date, attachment), required or not, answered once or repeatedly,
 * with its options (given in the questionnaire or taken from its answer value set), how they are shown
 * ({@code drop-down} or radios and check boxes), unit and limits, shown only when its {@code enableWhen}
 * conditions hold for the answers so far.
 */
public record FormItem(String linkId, String type, String text, boolean required, boolean repeats, List<Option> options, String control, String unit,
                       Double min, Double max, List<Condition> enableWhen, List<FormItem> items) {

    /** Options beyond this many are offered as a drop-down list rather than radios. */
    static final int MOST_RADIOS = 12;

    /** A choice's option: its code, its words, and its score (ordinal value), if it has one. */
    public record Option(String system, String code, String display, Double ordinal) {
    }

    /** {@code enableWhen}: the question it depends on, the operator ({@code =}, {@code !=}, {@code exists}) and the answer compared. */
    public record Condition(String question, String operator, String answer) {

        /** Whether it holds for the answers seen from an answer of a repeating group ({@code suffix}; empty at the top level). */
        boolean holds(Answers answers, String suffix) {
            List<String> given = answers.seen(question, suffix);
            return switch (operator) {
                case "exists" -> !given.isEmpty() == Boolean.parseBoolean(answer);
                case "!=" -> !given.isEmpty() && !given.contains(answer);
                default -> given.contains(answer);
            };
        }
    }

    public boolean isQuestion() {
        return !"group".equals(type) && !"display".equals(type);
    }

    public boolean isRepeatingGroup() {
        return "group".equals(type) && repeats;
    }

    public boolean isChoice() {
        return "choice".equals(type) || "open-choice".equals(type) || "boolean".equals(type);
    }

    /** Whether the options are offered as a drop-down list (asked for, or too many for radios; never for several answers). */
    public boolean isListed() {
        return !repeats && ("drop-down".equals(control) || options.size() > MOST_RADIOS);
    }

    /** Whether a code is one of the options. */
    public boolean offers(String code) {
        return options.stream().anyMatch(o -> o.code().equals(code));
    }

    /** An open choice's answer in the patient's own words (the first given that is not an option), or null. */
    public String ownWords(List<String> given) {
        return given.stream().filter(answer -> !offers(answer) && !Answers.OTHER.equals(answer)).findFirst().orElse(null);
    }

    /** The words of an answer: an option's display, or what the patient wrote. */
    public String words(String answer) {
        return options.stream().filter(o -> o.code().equals(answer)).map(Option::display).findFirst().orElse(answer);
    }

    /** Whether the item is shown for these answers (all its conditions hold: enableBehavior all) at the top level. */
    public boolean enabled(Answers answers) {
        return enabled(answers, "");
    }

    /** Whether the item is shown in an answer of the repeating groups it sits in ({@code suffix}: {@code #n} for each). */
    public boolean enabled(Answers answers, String suffix) {
        return enableWhen.stream().allMatch(condition -> condition.holds(answers, suffix));
    }
}
