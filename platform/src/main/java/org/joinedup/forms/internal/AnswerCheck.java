package org.joinedup.forms.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;

/**
 * Checks answers as the NHS service manual's error messages put it: only the questions shown (their
 * {@code enableWhen} holds) count; a required one must be answered; numbers must be numbers within their limits;
 * dates real dates, not in the future; a choice one of its options.
 */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static Map<String, String> problems(Form form, Map<String, String> answers) {
        Map<String, String> problems = new LinkedHashMap<>();
        check(form.items(), answers, problems);
        return problems;
    }

    private static void check(List<FormItem> items, Map<String, String> answers, Map<String, String> problems) {
        for (FormItem item : items) {
            if (!item.enabled(answers)) {
                continue;
            }
            check(item.items(), answers, problems);
            if (!item.isQuestion()) {
                continue;
            }
            String answer = answers.getOrDefault(item.linkId(), "").trim();
            String question = "\"" + item.text().replaceAll("[?.:]$", "") + "\"";
            if (answer.isEmpty()) {
                if (item.required()) {
                    problems.put(item.linkId(), ("boolean".equals(item.type()) || "choice".equals(item.type()) ? "Select an answer to " : "Enter an answer to ")
                            + question);
                }
                continue;
            }
            String problem = switch (item.type()) {
                case "integer", "decimal" -> number(item, answer);
                case "date" -> date(answer);
                case "choice" -> item.options().stream().anyMatch(o -> o.code().equals(answer)) ? null : "Select one of the answers given";
                case "boolean" -> answer.equals("true") || answer.equals("false") ? null : "Select yes or no";
                default -> answer.length() > 2000 ? "Your answer must be 2000 characters or fewer" : null;
            };
            if (problem != null) {
                problems.put(item.linkId(), problem + " for " + question);
            }
        }
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
