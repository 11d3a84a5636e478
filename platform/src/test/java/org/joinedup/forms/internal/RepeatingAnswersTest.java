package org.joinedup.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;
import org.junit.jupiter.api.Test;

/**
 * The pre-operative questionnaire's repeating parts: operations (a repeating group, shown only after an anaesthetic),
 * conditions chosen from a shipped value set (several at once), allergies as an open choice from a contained value
 * set or in the patient's own words, and medicines (a repeating question): checked, triaged, stored as a
 * QuestionnaireResponse and read back as they were given.
 */
class RepeatingAnswersTest {

    final PreOp preOp = new PreOp();

    /** The form and rules, once. */
    static final class PreOp {
        final Form form = FormRulesTest.LIBRARY.named("pre-operative-assessment-adult").form();
        final FormRules rules = FormRulesTest.LIBRARY.named("pre-operative-assessment-adult").rules();
    }

    Answers wellAnswers() {
        return Answers.of(Map.of("height", "170", "weight", "70", "stairs", "two-or-more", "anaesthetic-before", "true", "anaesthetic-problems", "false",
                "blood-thinners", "false", "allergies", "true", "interpreter", "false"));
    }

    @Test
    void optionsComeFromTheShippedAndTheContainedValueSets() {
        FormItem conditions = preOp.form.item("conditions");
        assertThat(conditions.options()).extracting(FormItem.Option::display).contains("Diabetes", "Obstructive sleep apnoea");
        assertThat(conditions.options()).allMatch(o -> "http://snomed.info/sct".equals(o.system()));
        assertThat(preOp.form.item("allergy-which").options()).extracting(FormItem.Option::code).contains("764146007", "111088007");
        assertThat(preOp.form.item("allergy-which").isListed()).isFalse();
        assertThat(preOp.form.item("interpreter-language").isListed()).as("asked for as a drop-down list").isTrue();
        assertThat(preOp.form.item("interpreter-language").options()).extracting(FormItem.Option::display).contains("Polish", "British Sign Language");
    }

    @Test
    void eachAnswerOfARepeatingGroupIsCheckedOnItsOwn() {
        Answers answers = wellAnswers().put("allergy-which", "764146007").put("operation-what#1", "Appendix out").put("operation-year#1", "1999")
                .put("operation-what#2", "Knee").put("operation-year#2", "last year").instances("previous-operation", 2);

        assertThat(AnswerCheck.problems(preOp.form, answers)).containsOnlyKeys("operation-year#2");
        assertThat(preOp.form.shown(answers)).extracting(Form.Shown::key).contains("operation-what#1", "operation-year#1", "operation-what#2");
    }

    @Test
    void aRepeatingGroupIsNotAskedWhenItsConditionDoesNotHold() {
        Answers answers = wellAnswers().put("anaesthetic-before", "false").put("allergy-which", "764146007").put("operation-year#1", "last year");

        assertThat(AnswerCheck.problems(preOp.form, answers)).isEmpty();
        assertThat(preOp.form.shown(answers)).extracting(Form.Shown::key).doesNotContain("operation-year#1");
    }

    @Test
    void takingOutOneOperationMovesTheNextUp() {
        Answers answers = wellAnswers().put("operation-what#1", "Appendix out").put("operation-what#2", "Knee").put("operation-what#3", "Hip")
                .instances("previous-operation", 3);

        Answers after = preOp.form.withoutInstance(answers, "previous-operation", 2);

        assertThat(after.instances("previous-operation")).isEqualTo(2);
        assertThat(after.get("operation-what#1")).isEqualTo("Appendix out");
        assertThat(after.get("operation-what#2")).isEqualTo("Hip");
        assertThat(after.get("operation-what#3")).isNull();
        assertThat(after.get("height")).isEqualTo("170");
    }

    @Test
    void anOpenChoiceTakesAnOptionOrThePatientsOwnWordsButNotSomethingElseLeftEmpty() {
        Answers answers = wellAnswers().add("allergy-which", "111088007").add("allergy-which", "Sticking plasters");
        assertThat(AnswerCheck.problems(preOp.form, answers)).isEmpty();

        Answers unsaid = wellAnswers().put("allergy-which", Answers.OTHER);
        assertThat(AnswerCheck.problems(preOp.form, unsaid)).containsEntry("allergy-which", "Say what your other answer is for \"What are you allergic to\"");
        assertThat(AnswerCheck.problems(preOp.form, wellAnswers())).containsEntry("allergy-which", "Select an answer to \"What are you allergic to\"");
    }

    @Test
    void anyOfSeveralAnswersRaisesItsFlag() {
        Answers answers = wellAnswers().add("conditions", "38341003").add("conditions", "78275009").add("allergy-which", "Sticking plasters")
                .add("allergy-which", "111088007");

        assertThat(preOp.rules.flags(preOp.form, answers)).extracting(FormRules.Flag::text).containsExactlyInAnyOrder("Obstructive sleep apnoea",
                "Latex allergy");
    }

    @Test
    void aResponseHoldsEachAnswerOfItsTypeAndReadsBackAsGiven() {
        Answers answers = wellAnswers().add("conditions", "73211009").add("conditions", "195967001").add("allergy-which", "764146007")
                .add("allergy-which", "Sticking plasters").put("operation-what#1", "Appendix out").put("operation-year#1", "1999")
                .put("operation-what#2", "Knee").instances("previous-operation", 2).add("medicines", "Ramipril").add("medicines", "Metformin");

        JsonNode response = ResponseBuilder.response(preOp.form, "p1", answers, "completed");

        JsonNode health = response.path("item").get(1);
        assertThat(health.path("linkId").asText()).isEqualTo("health");
        assertThat(health.findValues("linkId")).extracting(JsonNode::asText).filteredOn("previous-operation"::equals).hasSize(2);
        assertThat(response.toString()).contains("{\"valueCoding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"73211009\",\"display\":\"Diabetes\"}}")
                .contains("{\"valueString\":\"Sticking plasters\"}").contains("{\"valueInteger\":1999}");
        Answers back = ResponseBuilder.answers(preOp.form, response);
        assertThat(back.all("conditions")).containsExactly("73211009", "195967001");
        assertThat(back.all("allergy-which")).containsExactly("764146007", "Sticking plasters");
        assertThat(back.instances("previous-operation")).isEqualTo(2);
        assertThat(back.get("operation-what#2")).isEqualTo("Knee");
        assertThat(back.all("medicines")).containsExactly("Ramipril", "Metformin");
    }

    @Test
    void aDraftKeepsWhatWasTypedEvenWhenItIsNotYetANumberOrADate() {
        Answers answers = wellAnswers().put("height", "tall").put("last-period", "last week");

        JsonNode draft = ResponseBuilder.response(preOp.form, "p1", answers, "in-progress");

        Answers back = ResponseBuilder.answers(preOp.form, draft);
        assertThat(back.get("height")).isEqualTo("tall");
        assertThat(back.get("last-period")).isEqualTo("last week");
    }
}
