package org.gridwork.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.gridwork.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

/** The designer's rules and the answer checks, without a database. */
class FormRulesTest {

    static Question yesNo(String code, String showIf, String... problemWhen) {
        return new Question(code, QuestionKind.YES_NO, "问题 " + code, null, true, List.of(), null, null, showIf,
                showIf == null ? List.of() : List.of("YES"), List.of(problemWhen), null, null);
    }

    static Question number(String code, int min, int max, Integer problemAbove) {
        return new Question(code, QuestionKind.NUMBER, "人数", null, true, List.of(), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), null, List.of(), List.of(), null,
                problemAbove == null ? null : BigDecimal.valueOf(problemAbove));
    }

    @Test
    void refusesAConditionOnALaterQuestion() {
        assertThatThrownBy(() -> FormRules.check(List.of(yesNo("q1", "q2"), yesNo("q2", null))))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey")
                .isEqualTo("campaign.form.error.conditionForward");
    }

    @Test
    void refusesAConditionOnItself() {
        assertThatThrownBy(() -> FormRules.check(List.of(yesNo("q1", "q1"))))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey")
                .isEqualTo("campaign.form.error.conditionSelf");
    }

    @Test
    void acceptsAConditionOnAnEarlierQuestionAndRefusesUnknownAnswers() {
        FormRules.check(List.of(yesNo("q1", null), yesNo("q2", "q1", "NO")));
        Question badValues = new Question("q2", QuestionKind.YES_NO, "x", null, false, List.of(), null, null, "q1",
                List.of("MAYBE"), List.of(), null, null);
        assertThatThrownBy(() -> FormRules.check(List.of(yesNo("q1", null), badValues)))
                .extracting("messageKey").isEqualTo("campaign.form.error.conditionValues");
    }

    @Test
    void refusesAChoiceWithoutTwoOptionsAndAnEmptyRange() {
        Question oneOption = new Question("q1", QuestionKind.SINGLE_CHOICE, "x", null, false,
                List.of(new Question.Option("1", "a", null)), null, null, null, List.of(), List.of(), null, null);
        assertThatThrownBy(() -> FormRules.check(List.of(oneOption))).extracting("messageKey")
                .isEqualTo("campaign.form.error.options");
        assertThatThrownBy(() -> FormRules.check(List.of(number("q1", 5, 1, null)))).extracting("messageKey")
                .isEqualTo("campaign.form.error.range");
    }

    @Test
    void skippedQuestionsAreNotRequiredAndProblemsFollowTheRule() {
        List<Question> form = List.of(yesNo("q1", null, "NO"), yesNo("q2", "q1"), number("q3", 0, 10, 3));
        FormAnswers.Checked skipped = FormAnswers.check(form, Map.of("q1", List.of("NO"), "q3", List.of("5")));
        assertThat(skipped.valid()).isTrue();
        assertThat(skipped.values()).containsOnlyKeys("q1", "q3");
        assertThat(skipped.problems()).containsExactly("q1", "q3");

        FormAnswers.Checked missing = FormAnswers.check(form, Map.of("q1", List.of("YES"), "q3", List.of("11")));
        assertThat(missing.errors()).containsEntry("q2", "campaign.answer.required")
                .containsEntry("q3", "campaign.answer.range");
    }
}
