package org.joinedup.demo.internal;

import java.util.List;

/**
 * Long-term conditions of the problem list, coded in SNOMED CT, with a prevalence by age in the range that
 * English primary care registers (QOF) report for the North West.
 */
final class Conditions {

    /** A condition and its prevalence, in percent, at ages under 40, 40-59, 60-79 and 80 and over. */
    record Condition(String code, String display, double under40, double from40, double from60, double from80, int minimumAge) {

        double prevalence(int age) {
            if (age < minimumAge) {
                return 0;
            }
            return (age < 40 ? under40 : age < 60 ? from40 : age < 80 ? from60 : from80) / 100;
        }
    }

    static final List<Condition> ALL = List.of(
            new Condition("59621000", "Essential hypertension", 2, 15, 40, 55, 18),
            new Condition("44054006", "Type 2 diabetes mellitus", 1, 7, 15, 16, 18),
            new Condition("195967001", "Asthma", 7, 6, 6, 5, 2),
            new Condition("35489007", "Depressive disorder", 15, 16, 11, 10, 12),
            new Condition("13645005", "Chronic obstructive pulmonary disease", 0.1, 2, 6, 8, 35),
            new Condition("49436004", "Atrial fibrillation", 0.1, 0.8, 5, 15, 18),
            new Condition("84114007", "Heart failure", 0.1, 0.4, 2, 8, 18),
            new Condition("433144002", "Chronic kidney disease stage 3", 0.3, 1, 8, 25, 18),
            new Condition("52448006", "Dementia", 0, 0.1, 2, 17, 50));

    private Conditions() {
    }
}
