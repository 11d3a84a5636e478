package org.joinedup.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The National Early Warning Score 2, exactly as the Royal College of Physicians' 2017 report's Chart 1 scores each
 * parameter, Chart 2 grades the risk and Chart 3 sets the response. SpO2 is scored on scale 1, or on scale 2 only
 * when prescribed (then 93% or more scores 0 on air and 1 to 3 on oxygen); supplemental oxygen scores 2 on its own.
 * <p>The charts give whole numbers (temperature to one decimal place) and do not say how to score a value between
 * bands; JoinedUp rounds half up to the chart's precision first (a respiration rate of 20.5 scores as 21, a
 * temperature of 38.05 as 38.1), recorded as hazard H-032.
 */
public final class News2 {

    /** The parameters scored, with the SNOMED CT code of each sub-score in UK Core's EarlyWarningSubScore value set. */
    public enum Parameter {
        RESPIRATION_RATE("1104301000000104", "Respiration rate score"),
        OXYGEN_SATURATION_SCALE_1("1104311000000102", "Oxygen saturation scale 1 score"),
        OXYGEN_SATURATION_SCALE_2("1104321000000108", "Oxygen saturation scale 2 score"),
        AIR_OR_OXYGEN("1104331000000105", "Air or oxygen score"),
        SYSTOLIC_BLOOD_PRESSURE("1104341000000101", "Systolic blood pressure score"),
        PULSE("1104351000000103", "Pulse rate score"),
        CONSCIOUSNESS("1104361000000100", "Consciousness score"),
        TEMPERATURE("1104371000000107", "Temperature score");

        private final String snomed;
        private final String display;

        Parameter(String snomed, String display) {
            this.snomed = snomed;
            this.display = display;
        }

        public String snomed() {
            return snomed;
        }

        public String display() {
            return display;
        }
    }

    /** SNOMED CT: National Early Warning Score 2 (NEWS2) total score. */
    public static final String TOTAL_SCORE = "1104051000000101";

    private News2() {
    }

    /** The score of a complete set of vital signs. */
    public static News2Score score(VitalSigns signs) {
        if (!signs.complete()) {
            throw new IllegalArgumentException("NEWS2 needs every parameter: " + signs);
        }
        Map<Parameter, Integer> scores = new EnumMap<>(Parameter.class);
        scores.put(Parameter.RESPIRATION_RATE, respirationRate(whole(signs.respirationRate())));
        if (signs.spo2Scale2()) {
            scores.put(Parameter.OXYGEN_SATURATION_SCALE_2, saturationScale2(whole(signs.oxygenSaturation()), signs.onOxygen()));
        } else {
            scores.put(Parameter.OXYGEN_SATURATION_SCALE_1, saturationScale1(whole(signs.oxygenSaturation())));
        }
        scores.put(Parameter.AIR_OR_OXYGEN, signs.onOxygen() ? 2 : 0);
        scores.put(Parameter.SYSTOLIC_BLOOD_PRESSURE, systolic(whole(signs.systolicPressure())));
        scores.put(Parameter.PULSE, pulse(whole(signs.pulse())));
        scores.put(Parameter.CONSCIOUSNESS, signs.consciousness() == VitalSigns.Consciousness.ALERT ? 0 : 3);
        scores.put(Parameter.TEMPERATURE, temperature(tenths(signs.temperature())));
        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        boolean red = scores.values().contains(3);
        return new News2Score(total, scores, red, risk(total, red));
    }

    /** Chart 2: 7 or more high; 5 or 6 medium; otherwise 3 in one parameter low–medium; else low (scoring or not). */
    static News2Score.Risk risk(int total, boolean redScore) {
        if (total >= 7) {
            return News2Score.Risk.HIGH;
        }
        if (total >= 5) {
            return News2Score.Risk.MEDIUM;
        }
        if (redScore) {
            return News2Score.Risk.LOW_MEDIUM;
        }
        return total == 0 ? News2Score.Risk.LOW : News2Score.Risk.LOW_AND_SCORING;
    }

    static int respirationRate(int x) {
        return x <= 8 ? 3 : x <= 11 ? 1 : x <= 20 ? 0 : x <= 24 ? 2 : 3;
    }

    static int saturationScale1(int x) {
        return x <= 91 ? 3 : x <= 93 ? 2 : x <= 95 ? 1 : 0;
    }

    static int saturationScale2(int x, boolean onOxygen) {
        if (x <= 83) {
            return 3;
        }
        if (x <= 85) {
            return 2;
        }
        if (x <= 87) {
            return 1;
        }
        if (x <= 92 || !onOxygen) {
            return 0;
        }
        return x <= 94 ? 1 : x <= 96 ? 2 : 3;
    }

    static int systolic(int x) {
        return x <= 90 ? 3 : x <= 100 ? 2 : x <= 110 ? 1 : x <= 219 ? 0 : 3;
    }

    static int pulse(int x) {
        return x <= 40 ? 3 : x <= 50 ? 1 : x <= 90 ? 0 : x <= 110 ? 1 : x <= 130 ? 2 : 3;
    }

    /** Temperature in tenths of a degree (36.1 °C is 361). */
    static int temperature(int tenths) {
        return tenths <= 350 ? 3 : tenths <= 360 ? 1 : tenths <= 380 ? 0 : tenths <= 390 ? 1 : 2;
    }

    private static int whole(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static int tenths(double value) {
        return BigDecimal.valueOf(value).movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
