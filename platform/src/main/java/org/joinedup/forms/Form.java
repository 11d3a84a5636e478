package org.joinedup.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * A questionnaire as the pages render it: its name (as in {@code /portal/questionnaires/{name}}), title, canonical
 * url and version, and its items.
 */
public record Form(String name, String title, String url, String version, List<FormItem> items) {

    /** A question as shown for some answers: the item and its key (its linkId and the answer of each repeating group it is in). */
    public record Shown(FormItem item, String key, String suffix) {
    }

    /** Every question, groups opened, in order. */
    public List<FormItem> questions() {
        List<FormItem> all = new ArrayList<>();
        collect(items, all);
        return all;
    }

    /** Whether any question takes a file (so the page posts as multipart). */
    public boolean takesFiles() {
        return questions().stream().anyMatch(q -> "attachment".equals(q.type()));
    }

    /** The questions these answers show, each answer of a repeating group in turn, in order. */
    public List<Shown> shown(Answers answers) {
        List<Shown> shown = new ArrayList<>();
        walk(items, answers, "", shown);
        return shown;
    }

    /** The item with this linkId, anywhere in the form, or null. */
    public FormItem item(String linkId) {
        return find(items, linkId);
    }

    /** The answers without the n-th answer of a repeating group (those after it move up one). */
    public Answers withoutInstance(Answers answers, String groupKey, int n) {
        FormItem group = item(groupKey.contains("#") ? groupKey.substring(0, groupKey.indexOf('#')) : groupKey);
        if (group == null || !group.isRepeatingGroup()) {
            return answers;
        }
        String outer = groupKey.substring(group.linkId().length());
        List<String> inside = new ArrayList<>();
        descendants(group.items(), inside);
        int count = answers.instances(groupKey);
        Answers moved = answers.renamed(key -> {
            for (String linkId : inside) {
                String prefix = linkId + outer + "#";
                if (key.startsWith(prefix)) {
                    String rest = key.substring(prefix.length());
                    int end = rest.indexOf('#') < 0 ? rest.length() : rest.indexOf('#');
                    int at = Integer.parseInt(rest.substring(0, end));
                    return at == n ? null : at < n ? key : prefix + (at - 1) + rest.substring(end);
                }
            }
            return key;
        });
        return moved.instances(groupKey, count - 1);
    }

    private static void walk(List<FormItem> items, Answers answers, String suffix, List<Shown> into) {
        for (FormItem item : items) {
            if (!item.enabled(answers, suffix)) {
                continue;
            }
            if (item.isRepeatingGroup()) {
                for (int n = 1; n <= answers.instances(item.linkId() + suffix); n++) {
                    walk(item.items(), answers, suffix + "#" + n, into);
                }
                continue;
            }
            if (item.isQuestion()) {
                into.add(new Shown(item, item.linkId() + suffix, suffix));
            }
            walk(item.items(), answers, suffix, into);
        }
    }

    private static void collect(List<FormItem> items, List<FormItem> into) {
        for (FormItem item : items) {
            if (item.isQuestion()) {
                into.add(item);
            }
            collect(item.items(), into);
        }
    }

    private static void descendants(List<FormItem> items, List<String> into) {
        for (FormItem item : items) {
            into.add(item.linkId());
            descendants(item.items(), into);
        }
    }

    private static FormItem find(List<FormItem> items, String linkId) {
        for (FormItem item : items) {
            if (item.linkId().equals(linkId)) {
                return item;
            }
            FormItem inside = find(item.items(), linkId);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }
}
