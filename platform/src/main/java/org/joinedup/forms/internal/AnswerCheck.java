package org.joinedup.forms.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/**
 * Checks answers as the NHS service manual's error messages put it: only the questions shown (their
 * {@code enableWhen} holds, in each answer of a repeating group) count; a required one must be answered; numbers
 * must be numbers within their limits; dates real dates, not in the future; a choice one of its options (an
 * open choice may instead be the patient's own words, which must then be given). Problems are by answer key.
 */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static Map<String, String> problems(Form form, Answers answers) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Form.Shown shown : form.shown(answers)) {
            FormItem item = shown.item();
            String question = "\"" + item.text().replaceAll("[?.:]$", "") + "\"";
            List<String> given = answers.all(shown.key());
            if ("attachment".equals(item.type())) {
                if (item.required() && answers.attachment(shown.key()) == null) {
                    problems.put(shown.key(), "Add a photo for " + question);
                }
                continue;
            }
            if (given.isEmpty()) {
                if (item.required()) {
                    problems.put(shown.key(), (item.isChoice() ? "Select an answer to " : "Enter an answer to ") + question);
                }
                continue;
            }
            for (String answer : given) {
                String problem = problem(item, answer);
                if (problem != null) {
                    problems.put(shown.key(), problem + " for " + question);
                    break;
                }
            }
        }
        return problems;
    }

    private static String problem(FormItem item, String answer) {
        return switch (item.type()) {
            case "integer", "decimal" -> number(item, answer);
            case "date" -> date(answer);
            case "choice" -> item.offers(answer) ? null : "Select one of the answers given";
            case "open-choice" -> Answers.OTHER.equals(answer) ? "Say what your other answer is" : tooLong(answer);
            case "boolean" -> answer.equals("true") || answer.equals("false") ? null : "Select yes or no";
            default -> tooLong(answer);
        };
    }

    private static String tooLong(String answer) {
        return answer.length() > 2000 ? "Your answer must be 2000 characters or fewer" : null;
    }

    private static String number(FormItem item, String answer) {
        double value;
        try {
            value = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            return "Enter a number";
        }
        if ("integer".equals(item.type()) && value != Math.rint(value)) {
            return "Enter a whole number";
        }
        String unit = item.unit() == null ? "" : " " + item.unit();
        if (item.min() != null && value < item.min() || item.max() != null && value > item.max()) {
            return "Enter a number between " + plain(item.min()) + unit + " and " + plain(item.max()) + unit;
        }
        return null;
    }

    private static String date(String answer) {
        try {
            return LocalDate.parse(answer).isAfter(LocalDate.now()) ? "The date must be today or in the past" : null;
        } catch (DateTimeParseException e) {
            return "Enter a real date";
        }
    }

    private static String plain(Double value) {
        return value == null ? "" : value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
