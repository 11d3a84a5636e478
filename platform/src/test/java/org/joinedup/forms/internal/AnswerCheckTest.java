package org.joinedup.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.junit.jupiter.api.Test;

/** Answers are checked as the NHS service manual says: every problem named, only for the questions that apply. */
class AnswerCheckTest {

    final org.joinedup.forms.Form preOp = FormRulesTest.LIBRARY.named("pre-operative-assessment-adult").form();

    @Test
    void requiredQuestionsMustBeAnsweredButOnlyThoseThatApply() {
        Map<String, String> problems = AnswerCheck.problems(preOp, Answers.of(Map.of("anaesthetic-before", "false")));

        assertThat(problems).containsKeys("height", "weight", "stairs", "blood-thinners").doesNotContainKeys("anaesthetic-before", "anaesthetic-problems",
                "blood-thinners-which", "last-period", "other");
        assertThat(problems.get("height")).isEqualTo("Enter an answer to \"Your height\"");
        assertThat(problems.get("stairs")).isEqualTo("Select an answer to \"How many flights of stairs can you climb without stopping\"");

        Map<String, String> saidYes = new HashMap<>(Map.of("anaesthetic-before", "true", "blood-thinners", "true"));
        assertThat(AnswerCheck.problems(preOp, Answers.of(saidYes))).containsKeys("anaesthetic-problems", "blood-thinners-which");
    }

    @Test
    void numbersMustBeNumbersWithinTheirLimitsAndDatesRealAndPast() {
        Map<String, String> answers = new HashMap<>(Map.of("height", "tall", "weight", "400", "stairs", "one", "anaesthetic-before", "false",
                "blood-thinners", "false", "last-period", "2999-01-01", "allergies", "false", "interpreter", "false"));
        Map<String, String> problems = AnswerCheck.problems(preOp, Answers.of(answers));

        assertThat(problems.get("height")).isEqualTo("Enter a number for \"Your height\"");
        assertThat(problems.get("weight")).isEqualTo("Enter a number between 20 kg and 300 kg for \"Your weight\"");
        assertThat(problems.get("last-period")).startsWith("The date must be today or in the past");
        answers.putAll(Map.of("height", "172.5", "weight", "80", "last-period", "2026-11-01"));
        assertThat(AnswerCheck.problems(preOp, Answers.of(answers))).isEmpty();
    }
}
