package org.joinedup.portal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.FormItem;
import org.joinedup.forms.Questionnaires;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * A questionnaire page's post read into answers: {@code a.<key>} the values (several for a repeating question),
 * {@code o.<key>} an open choice's own words, {@code n.<group key>} how many answers a repeating group has,
 * {@code f.<key>} a photo chosen (kept from the draft when none is chosen again); and the page's own buttons:
 * {@code add:<key>} another answer, {@code remove:<group key>#<n>} one taken out, {@code remove-photo:<key>}.
 */
final class PostedAnswers {

    /** The answers posted, what was wrong with a photo chosen (by key), and whether a new photo was kept. */
    record Read(Answers answers, Map<String, String> problems, boolean newPhoto) {
    }

    private PostedAnswers() {
    }

    static Read read(MultiValueMap<String, String> posted, Map<String, List<MultipartFile>> files, Form form, Answers draft, Questionnaires questionnaires) {
        Answers answers = new Answers();
        posted.forEach((name, values) -> {
            if (name.startsWith("a.")) {
                values.forEach(value -> answers.add(name.substring(2), value));
            } else if (name.startsWith("n.")) {
                answers.instances(name.substring(2), count(values.getFirst()));
            }
        });
        posted.forEach((name, values) -> {
            String key = name.substring(2);
            String words = values.getFirst().strip();
            if (name.startsWith("o.") && answers.has(key, Answers.OTHER) && !words.isEmpty()) {
                List<String> given = answers.all(key).stream().map(v -> v.equals(Answers.OTHER) ? words : v).toList();
                answers.put(key, given.getFirst());
                given.stream().skip(1).forEach(v -> answers.add(key, v));
            }
        });
        if (draft != null) {
            draft.attachments().forEach(answers::attach);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        boolean newPhoto = false;
        for (var chosen : files.entrySet()) {
            if (!chosen.getKey().startsWith("f.") || chosen.getValue().isEmpty() || chosen.getValue().getFirst().isEmpty()) {
                continue;
            }
            String key = chosen.getKey().substring(2);
            FormItem item = form.item(key.contains("#") ? key.substring(0, key.indexOf('#')) : key);
            if (item == null || !"attachment".equals(item.type())) {
                continue;
            }
            MultipartFile file = chosen.getValue().getFirst();
            Questionnaires.Kept kept = questionnaires.keepPhoto(file.getOriginalFilename(), bytes(file));
            if (kept.photo() != null) {
                answers.attach(key, kept.photo());
                newPhoto = true;
            } else {
                problems.put(key, kept.problem());
            }
        }
        return new Read(answers, problems, newPhoto);
    }

    /** The answers after one of the page's own buttons: another answer added, one taken out, a photo removed. */
    static Answers act(Form form, Answers answers, String action) {
        if (action.startsWith("add:")) {
            String key = action.substring(4);
            FormItem item = form.item(key.contains("#") ? key.substring(0, key.indexOf('#')) : key);
            if (item != null && item.isRepeatingGroup()) {
                return answers.instances(key, answers.instances(key) + 1);
            }
            if (item != null && item.repeats()) {
                return answers.add(key, "");
            }
        } else if (action.startsWith("remove:") && action.lastIndexOf('#') > 7) {
            String instance = action.substring(7);
            int at = instance.lastIndexOf('#');
            return form.withoutInstance(answers, instance.substring(0, at), count(instance.substring(at + 1)));
        } else if (action.startsWith("remove-photo:")) {
            return answers.detach(action.substring("remove-photo:".length()));
        }
        return answers;
    }

    private static int count(String value) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
