package org.joinedup.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.monitoring.SepsisScreen.Risk;
import org.joinedup.monitoring.VitalSigns.Consciousness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sepsis screening after NICE NG51: in the community by its criteria for people aged 16 and over (each at its edge),
 * any high-risk criterion outranking the moderate-to-high ones; in hospital by the NEWS2 total.
 */
class SepsisScreenTest {

    @ParameterizedTest(name = "RR {0}, SBP {1}, HR {2}, {3}, {4} °C: {5}")
    @CsvSource({
            "16, 120, 70, A, 37.0, LOW",
            "20, 101, 90, A, 36.0, LOW",
            "21, 120, 70, A, 37.0, MODERATE_TO_HIGH",
            "24, 120, 70, A, 37.0, MODERATE_TO_HIGH",
            "25, 120, 70, A, 37.0, HIGH",
            "16, 100, 70, A, 37.0, MODERATE_TO_HIGH",
            "16, 91, 70, A, 37.0, MODERATE_TO_HIGH",
            "16, 90, 70, A, 37.0, HIGH",
            "16, 120, 91, A, 37.0, MODERATE_TO_HIGH",
            "16, 120, 130, A, 37.0, MODERATE_TO_HIGH",
            "16, 120, 131, A, 37.0, HIGH",
            "16, 120, 70, A, 35.9, MODERATE_TO_HIGH",
            "16, 120, 70, C, 37.0, HIGH"})
    void theCommunityCriteriaFireAtTheirEdges(double rr, double sbp, double hr, String acvpu, double temp, Risk risk) {
        VitalSigns signs = new VitalSigns(rr, 97.0, false, sbp, hr, acvpu.equals("A") ? Consciousness.ALERT : Consciousness.NEW_CONFUSION, temp, false);

        assertThat(SepsisScreen.community(signs).risk()).isEqualTo(risk);
    }

    @Test
    void aHighRiskScreenNamesEveryCriterionThatFired() {
        VitalSigns signs = new VitalSigns(22.0, 95.0, false, 88.0, 135.0, Consciousness.ALERT, 35.5, false);

        SepsisScreen.Result result = SepsisScreen.community(signs);

        assertThat(result.risk()).isEqualTo(Risk.HIGH);
        assertThat(result.criteria()).containsExactly("Systolic blood pressure 88 mmHg (90 or less)", "Heart rate 135 per minute (more than 130)",
                "Respiratory rate 22 per minute (21 to 24)", "Temperature 35.5 °C (below 36)");
    }

    @Test
    void missingSignsAreNotCountedAgainstThePerson() {
        VitalSigns partial = new VitalSigns(null, null, null, null, 95.0, null, null, false);

        assertThat(SepsisScreen.community(partial).risk()).isEqualTo(Risk.MODERATE_TO_HIGH);
    }

    @ParameterizedTest(name = "NEWS2 {0}: {1}")
    @CsvSource({"0, VERY_LOW", "1, LOW", "4, LOW", "5, MODERATE", "6, MODERATE", "7, HIGH", "20, HIGH"})
    void inHospitalTheRiskFollowsTheNews2Total(int total, Risk risk) {
        News2Score score = new News2Score(total, java.util.Map.of(), false, News2.risk(total, false));

        assertThat(SepsisScreen.byNews2(score).risk()).isEqualTo(risk);
    }
}
