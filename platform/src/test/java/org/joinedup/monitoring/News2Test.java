package org.joinedup.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.joinedup.monitoring.News2.Parameter;
import org.joinedup.monitoring.News2Score.Risk;
import org.joinedup.monitoring.VitalSigns.Consciousness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * NEWS2 scored as the Royal College of Physicians' 2017 charts say: each parameter at every band edge (Chart 1, as
 * data), the totals and the risk they carry (Chart 2), and the UK Core example whose published total is wrong.
 */
class News2Test {

    /** A healthy adult's signs: every parameter scores 0. */
    static VitalSigns normal() {
        return new VitalSigns(16.0, 97.0, false, 120.0, 70.0, Consciousness.ALERT, 37.0, false);
    }

    @ParameterizedTest(name = "{0} {1} (oxygen {2}, SpO2 scale {3}) scores {4}")
    @CsvFileSource(resources = "/monitoring/news2-chart1-band-edges.csv")
    void eachParameterScoresAsChartOneSaysAtEveryBandEdge(String parameter, String value, boolean onOxygen, int scale, int expected) {
        VitalSigns base = normal();
        VitalSigns signs = switch (parameter) {
            case "respiration-rate" -> with(base, Double.valueOf(value), null, null, null, null);
            case "spo2" -> new VitalSigns(16.0, Double.valueOf(value), onOxygen, 120.0, 70.0, Consciousness.ALERT, 37.0, scale == 2);
            case "air-or-oxygen" -> new VitalSigns(16.0, 97.0, onOxygen, 120.0, 70.0, Consciousness.ALERT, 37.0, false);
            case "systolic" -> with(base, null, Double.valueOf(value), null, null, null);
            case "pulse" -> with(base, null, null, Double.valueOf(value), null, null);
            case "consciousness" -> with(base, null, null, null, acvpu(value), null);
            case "temperature" -> with(base, null, null, null, null, Double.valueOf(value));
            default -> throw new IllegalArgumentException(parameter);
        };

        News2Score score = News2.score(signs);

        Parameter scored = switch (parameter) {
            case "respiration-rate" -> Parameter.RESPIRATION_RATE;
            case "spo2" -> scale == 2 ? Parameter.OXYGEN_SATURATION_SCALE_2 : Parameter.OXYGEN_SATURATION_SCALE_1;
            case "air-or-oxygen" -> Parameter.AIR_OR_OXYGEN;
            case "systolic" -> Parameter.SYSTOLIC_BLOOD_PRESSURE;
            case "pulse" -> Parameter.PULSE;
            case "consciousness" -> Parameter.CONSCIOUSNESS;
            default -> Parameter.TEMPERATURE;
        };
        assertThat(score.subScores().get(scored)).isEqualTo(expected);
        assertThat(score.total()).isEqualTo(score.subScores().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(score.subScores()).as("scale 1 or scale 2, never both").doesNotContainKey(scale == 2 ? Parameter.OXYGEN_SATURATION_SCALE_1
                : Parameter.OXYGEN_SATURATION_SCALE_2).hasSize(7);
    }

    @Test
    void theUkCoreExampleScoresFiveNotTheSixItStates() {
        // UKCore-Bundle-NEWS2Observations-Example: RR 21, HR 95, SpO2 93 on air, 37.5 °C, BP 120/60, alert (it gives temperature 1, total 6)
        News2Score score = News2.score(new VitalSigns(21.0, 93.0, false, 120.0, 95.0, Consciousness.ALERT, 37.5, false));

        assertThat(score.subScores()).containsEntry(Parameter.RESPIRATION_RATE, 2).containsEntry(Parameter.PULSE, 1)
                .containsEntry(Parameter.OXYGEN_SATURATION_SCALE_1, 2).containsEntry(Parameter.AIR_OR_OXYGEN, 0).containsEntry(Parameter.TEMPERATURE, 0)
                .containsEntry(Parameter.SYSTOLIC_BLOOD_PRESSURE, 0).containsEntry(Parameter.CONSCIOUSNESS, 0);
        assertThat(score.total()).isEqualTo(5);
        assertThat(score.risk()).isEqualTo(Risk.MEDIUM);
    }

    @ParameterizedTest(name = "RR {0}, SpO2 {1}, O2 {2}, SBP {3}, HR {4}, {5}, {6} °C: total {7}, {8}")
    @CsvSource({
            "16, 97, false, 120, 70, A, 37.0, 0, LOW",
            "21, 97, false, 120, 95, A, 38.5, 4, LOW_AND_SCORING",
            "25, 97, false, 120, 70, A, 37.0, 3, LOW_MEDIUM",
            "16, 97, false, 120, 131, A, 37.0, 3, LOW_MEDIUM",
            "16, 97, false, 120, 70, C, 37.0, 3, LOW_MEDIUM",
            "21, 94, true, 120, 70, A, 37.0, 5, MEDIUM",
            "21, 93, false, 100, 95, A, 37.0, 7, HIGH",
            "25, 91, true, 120, 70, A, 37.0, 8, HIGH",
            "5, 85, true, 80, 150, U, 34.0, 20, HIGH"})
    void totalsCarryTheRiskOfChartTwo(double rr, double spo2, boolean o2, double sbp, double hr, String acvpu, double temp, int total, Risk risk) {
        News2Score score = News2.score(new VitalSigns(rr, spo2, o2, sbp, hr, acvpu(acvpu), temp, false));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.risk()).isEqualTo(risk);
        assertThat(score.redScore()).isEqualTo(score.subScores().containsValue(3));
    }

    @Test
    void chartThreeSetsTheResponseToEachRisk() {
        assertThat(Risk.LOW.monitoring()).isEqualTo("Minimum 12-hourly");
        assertThat(Risk.LOW_AND_SCORING.monitoring()).isEqualTo("Minimum 4–6-hourly");
        assertThat(Risk.LOW_MEDIUM.monitoring()).isEqualTo("Minimum 1-hourly");
        assertThat(Risk.MEDIUM.monitoring()).isEqualTo("Minimum 1-hourly");
        assertThat(Risk.HIGH.monitoring()).isEqualTo("Continuous monitoring of vital signs");
    }

    @ParameterizedTest(name = "{0} {1} is scored as {2}")
    @CsvSource({"respiration-rate, 20.4, 0", "respiration-rate, 20.5, 2", "temperature, 38.04, 0", "temperature, 38.05, 1",
            "temperature, 35.04, 3", "temperature, 35.05, 1"})
    void valuesBetweenBandsAreRoundedHalfUpToTheChartsPrecision(String parameter, double value, int expected) {
        VitalSigns signs = parameter.equals("temperature") ? with(normal(), null, null, null, null, value)
                : with(normal(), value, null, null, null, null);

        News2Score score = News2.score(signs);

        assertThat(score.subScores().get(parameter.equals("temperature") ? Parameter.TEMPERATURE : Parameter.RESPIRATION_RATE)).isEqualTo(expected);
    }

    @Test
    void anIncompleteSetIsNotScored() {
        assertThatThrownBy(() -> News2.score(new VitalSigns(16.0, 97.0, false, 120.0, 70.0, Consciousness.ALERT, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static VitalSigns with(VitalSigns base, Double rr, Double sbp, Double hr, Consciousness acvpu, Double temp) {
        return new VitalSigns(rr != null ? rr : base.respirationRate(), base.oxygenSaturation(), base.onOxygen(), sbp != null ? sbp : base.systolicPressure(),
                hr != null ? hr : base.pulse(), acvpu != null ? acvpu : base.consciousness(), temp != null ? temp : base.temperature(), false);
    }

    private static Consciousness acvpu(String letter) {
        return switch (letter) {
            case "A" -> Consciousness.ALERT;
            case "C" -> Consciousness.NEW_CONFUSION;
            case "V" -> Consciousness.VOICE;
            case "P" -> Consciousness.PAIN;
            default -> Consciousness.UNRESPONSIVE;
        };
    }
}
