package org.joinedup.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Screening for sepsis in a person aged 16 or over with a suspected infection, after NICE guideline NG51 (2016,
 * updated 2024): in the community (home, care home, virtual ward) by the risk criteria its vital signs can show, any
 * high-risk criterion making the person high risk and otherwise any moderate-to-high one moderate-to-high; in hospital
 * by the NEWS2 total (7 or more high, 5 to 6 moderate, 1 to 4 low, 0 very low). The criteria that need a person to
 * look (skin, urine output, the history) are not screened here; an alert names the criteria that fired, so a
 * clinician sees why.
 */
public final class SepsisScreen {

    /** The risk of severe illness or death from sepsis. */
    public enum Risk {
        HIGH, MODERATE_TO_HIGH, MODERATE, LOW, VERY_LOW
    }

    /** A screen's outcome: the risk, and the criteria that fired, in words. */
    public record Result(Risk risk, List<String> criteria) {
    }

    private SepsisScreen() {
    }

    /** The community criteria (NG51's table for people aged 16 and over outside hospital) a set of vital signs meets. */
    public static Result community(VitalSigns signs) {
        List<String> high = new ArrayList<>();
        List<String> moderate = new ArrayList<>();
        if (signs.consciousness() != null && signs.consciousness() != VitalSigns.Consciousness.ALERT) {
            high.add("New altered mental state (" + signs.consciousness().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        Integer rr = whole(signs.respirationRate());
        if (rr != null && rr >= 25) {
            high.add("Respiratory rate " + rr + " per minute (25 or more)");
        } else if (rr != null && rr >= 21) {
            moderate.add("Respiratory rate " + rr + " per minute (21 to 24)");
        }
        Integer sbp = whole(signs.systolicPressure());
        if (sbp != null && sbp <= 90) {
            high.add("Systolic blood pressure " + sbp + " mmHg (90 or less)");
        } else if (sbp != null && sbp <= 100) {
            moderate.add("Systolic blood pressure " + sbp + " mmHg (91 to 100)");
        }
        Integer hr = whole(signs.pulse());
        if (hr != null && hr > 130) {
            high.add("Heart rate " + hr + " per minute (more than 130)");
        } else if (hr != null && hr >= 91) {
            moderate.add("Heart rate " + hr + " per minute (91 to 130)");
        }
        if (signs.temperature() != null && BigDecimal.valueOf(signs.temperature()).setScale(1, RoundingMode.HALF_UP).doubleValue() < 36.0) {
            moderate.add("Temperature " + BigDecimal.valueOf(signs.temperature()).setScale(1, RoundingMode.HALF_UP) + " °C (below 36)");
        }
        if (!high.isEmpty()) {
            List<String> all = new ArrayList<>(high);
            all.addAll(moderate);
            return new Result(Risk.HIGH, all);
        }
        return moderate.isEmpty() ? new Result(Risk.LOW, List.of()) : new Result(Risk.MODERATE_TO_HIGH, moderate);
    }

    /** In hospital, by the NEWS2 total (NG51 2024, recommendation 1.11.4). */
    public static Result byNews2(News2Score score) {
        int total = score.total();
        Risk risk = total >= 7 ? Risk.HIGH : total >= 5 ? Risk.MODERATE : total >= 1 ? Risk.LOW : Risk.VERY_LOW;
        return new Result(risk, List.of("NEWS2 " + total));
    }

    private static Integer whole(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
