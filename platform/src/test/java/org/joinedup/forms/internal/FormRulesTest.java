package org.joinedup.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped questionnaires' rules against their published tables: PHQ-9 (Kroenke, Spitzer and Williams 2001) and
 * GAD-7 (Spitzer et al. 2006) severity bands at every boundary, PHQ-9 item 9 raising an urgent flag at any answer
 * but "not at all", and the pre-operative assessment's triage (BMI from height and weight, anaesthetic history,
 * exercise tolerance, blood thinners).
 */
class FormRulesTest {

    static final FormLibrary LIBRARY = library();

    static FormLibrary library() {
        try {
            return new FormLibrary(null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers scoring the total asked for: items filled with 3s then the remainder, item 9 left at 0 unless stated. */
    static Map<String, String> scale(int items, int total, int item9) {
        Map<String, String> answers = new HashMap<>();
        int left = total - item9;
        for (int i = 1; i <= items; i++) {
            int value = i == 9 ? item9 : Math.min(3, left);
            if (i != 9) {
                left -= value;
            }
            answers.put(String.valueOf(i), String.valueOf(value));
        }
        return answers;
    }

    @ParameterizedTest(name = "PHQ-9 {0}: {1}")
    @CsvSource({"0, Minimal depression", "4, Minimal depression", "5, Mild depression", "9, Mild depression", "10, Moderate depression",
            "14, Moderate depression", "15, Moderately severe depression", "19, Moderately severe depression", "20, Severe depression", "24, Severe depression"})
    void phq9TotalsFallInThePublishedBands(int total, String band) {
        var phq9 = LIBRARY.named("phq-9");
        int score = phq9.rules().score(phq9.form(), Answers.of(scale(9, total, 0)));
        assertThat(score).isEqualTo(total);
        assertThat(phq9.rules().band(score)).isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-7 {0}: {1}")
    @CsvSource({"0, Minimal anxiety", "4, Minimal anxiety", "5, Mild anxiety", "9, Mild anxiety", "10, Moderate anxiety", "14, Moderate anxiety",
            "15, Severe anxiety", "21, Severe anxiety"})
    void gad7TotalsFallInThePublishedBands(int total, String band) {
        var gad7 = LIBRARY.named("gad-7");
        int score = gad7.rules().score(gad7.form(), Answers.of(scale(7, total, 0)));
        assertThat(score).isEqualTo(total);
        assertThat(gad7.rules().band(score)).isEqualTo(band);
    }

    @ParameterizedTest(name = "PHQ-9 item 9 answered {0}: urgent {1}")
    @CsvSource({"0, false", "1, true", "2, true", "3, true"})
    void anyThoughtsOfSelfHarmRaiseAnUrgentFlagWhateverTheTotal(int item9, boolean urgent) {
        var phq9 = LIBRARY.named("phq-9");
        var flags = phq9.rules().flags(phq9.form(), Answers.of(scale(9, item9, item9)));
        assertThat(flags.stream().anyMatch(FormRules.Flag::urgent)).isEqualTo(urgent);
    }

    @Test
    void thePreOperativeAssessmentRoutesToReviewsByItsRules() {
        var preOp = LIBRARY.named("pre-operative-assessment-adult");
        Map<String, String> fit = new HashMap<>(Map.of("height", "170", "weight", "115", "stairs", "two-or-more", "anaesthetic-before", "true",
                "anaesthetic-problems", "false", "blood-thinners", "false"));
        assertThat(preOp.rules().bmi(Answers.of(fit))).isCloseTo(39.8, org.assertj.core.data.Offset.offset(0.05));
        assertThat(preOp.rules().flags(preOp.form(), Answers.of(fit))).isEmpty();

        Map<String, String> review = new HashMap<>(fit);
        review.putAll(Map.of("weight", "116", "stairs", "none", "anaesthetic-problems", "true", "blood-thinners", "true", "blood-thinners-which", "Apixaban"));
        assertThat(preOp.rules().flags(preOp.form(), Answers.of(review))).extracting(FormRules.Flag::route)
                .containsExactly("anaesthetic-review", "anaesthetic-review", "anaesthetic-review", "pharmacist-review");
        assertThat(preOp.rules().scored()).isFalse();
    }

    @Test
    void theChildrensPreOperativeAssessmentRoutesToTheRightSubSpecialty() {
        var child = LIBRARY.named("pre-operative-assessment-child");
        Map<String, String> well = new HashMap<>(Map.of("weight", "20", "born-early", "false", "cold", "false", "snoring", "false", "asthma", "false",
                "anaesthetic-problems", "false", "anxiety", "a-little"));
        assertThat(AnswerCheck.problems(child.form(), Answers.of(well))).isEmpty();
        assertThat(child.rules().flags(child.form(), Answers.of(well))).isEmpty();

        Map<String, String> snores = new HashMap<>(well);
        snores.putAll(Map.of("snoring", "true", "anxiety", "very"));
        assertThat(child.rules().flags(child.form(), Answers.of(snores))).extracting(FormRules.Flag::route)
                .containsExactly("ent-and-anaesthetic-review", "play-specialist");
    }
}
