package org.joinedup.alerts;

import java.util.List;
import java.util.Locale;

/** What an alert is about, with the outcomes a member of staff may close it with. */
public enum AlertKind {
    FALL("Fall", List.of("no-injury", "injury", "ambulance-called", "false-alarm")),
    MEDICATION("Medication", List.of("dose-taken", "dose-given-by-carer", "dose-refused", "not-needed", "false-alarm")),
    NEWS2("NEWS2", List.of("reviewed-no-change", "plan-changed", "admitted", "false-alarm")),
    SEPSIS("Sepsis", List.of("reviewed-not-sepsis", "treated-for-sepsis", "admitted", "false-alarm")),
    OVERDUE_READINGS("Overdue readings", List.of("readings-taken", "patient-contacted", "plan-changed", "false-alarm"));

    private final String label;
    private final List<String> outcomes;

    AlertKind(String label, List<String> outcomes) {
        this.label = label;
        this.outcomes = outcomes;
    }

    /** As routing rules and the database write it: {@code overdue-readings}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AlertKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String label() {
        return label;
    }

    /** The outcomes it may be closed with (codes; {@link #outcomeText} says them in words). */
    public List<String> outcomes() {
        return outcomes;
    }

    public static String outcomeText(String outcome) {
        String words = outcome.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
