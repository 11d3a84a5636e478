package org.joinedup.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to a questionnaire, as its page posts them and its draft keeps them. Each is kept by key: a question's
 * linkId, followed by {@code #n} for the n-th answer of each repeating group it sits in (so {@code operation-year#2}
 * is the year of the second operation). A key holds one value, or several for a repeating question; a repeating
 * group knows how many times it is answered; a photo is kept by its question's key.
 */
public final class Answers {

    /** What an open choice's "something else" posts until the patient's own words replace it. */
    public static final String OTHER = "__other";

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> instances = new LinkedHashMap<>();
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();

    /** A photo (or other file) attached as an answer: its name as the patient gave it, its type, and its bytes. */
    public record Attachment(String title, String contentType, byte[] data) {
    }

    /** Answers with one value per question. */
    public static Answers of(Map<String, String> single) {
        Answers answers = new Answers();
        single.forEach(answers::put);
        return answers;
    }

    /** Replaces the key's values with this one. */
    public Answers put(String key, String value) {
        values.put(key, new ArrayList<>(List.of(value == null ? "" : value)));
        return this;
    }

    /** Adds a value to the key's (a repeating question's further answer, or an empty field to fill in). */
    public Answers add(String key, String value) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value == null ? "" : value);
        return this;
    }

    /** The key's first value given (not blank), or null. */
    public String get(String key) {
        List<String> given = all(key);
        return given.isEmpty() ? null : given.getFirst();
    }

    /** The key's values given (not blank), trimmed. */
    public List<String> all(String key) {
        return values.getOrDefault(key, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** The key's fields as posted, blanks included, at least one: what a repeating question's inputs show. */
    public List<String> fields(String key) {
        List<String> fields = values.getOrDefault(key, List.of());
        return fields.isEmpty() ? List.of("") : Collections.unmodifiableList(fields);
    }

    public boolean has(String key, String value) {
        return all(key).contains(value);
    }

    /** Every value given to this question, in any answer of the groups it sits in. */
    public List<String> everywhere(String linkId) {
        List<String> found = new ArrayList<>();
        values.keySet().stream().filter(key -> key.equals(linkId) || key.startsWith(linkId + "#")).forEach(key -> found.addAll(all(key)));
        return found;
    }

    /**
     * The values a condition in an answer of a repeating group sees for a question: that same answer's, else the
     * enclosing answer's, and so on out to the top level.
     */
    public List<String> seen(String linkId, String suffix) {
        String at = suffix;
        while (true) {
            if (values.containsKey(linkId + at) || attachments.containsKey(linkId + at) || at.isEmpty()) {
                List<String> found = new ArrayList<>(all(linkId + at));
                if (attachments.containsKey(linkId + at)) {
                    found.add(attachments.get(linkId + at).title());
                }
                return found;
            }
            at = at.substring(0, at.lastIndexOf('#'));
        }
    }

    /** How many answers a repeating group has (at least one). */
    public int instances(String groupKey) {
        return Math.max(1, instances.getOrDefault(groupKey, 1));
    }

    public Answers instances(String groupKey, int count) {
        instances.put(groupKey, Math.max(1, count));
        return this;
    }

    public Attachment attachment(String key) {
        return attachments.get(key);
    }

    public Answers attach(String key, Attachment attachment) {
        attachments.put(key, attachment);
        return this;
    }

    public Answers detach(String key) {
        attachments.remove(key);
        return this;
    }

    public Map<String, List<String>> values() {
        return Collections.unmodifiableMap(values);
    }

    public Map<String, Integer> instanceCounts() {
        return Collections.unmodifiableMap(instances);
    }

    public Map<String, Attachment> attachments() {
        return Collections.unmodifiableMap(attachments);
    }

    /** The keys renamed (for a repeating group's answer taken out): each value, count and photo moves to the key the function gives, or goes if it gives null. */
    public Answers renamed(java.util.function.UnaryOperator<String> rename) {
        Answers moved = new Answers();
        values.forEach((key, list) -> {
            String to = rename.apply(key);
            if (to != null) {
                moved.values.put(to, new ArrayList<>(list));
            }
        });
        instances.forEach((key, count) -> {
            String to = rename.apply(key);
            if (to != null) {
                moved.instances.put(to, count);
            }
        });
        attachments.forEach((key, attachment) -> {
            String to = rename.apply(key);
            if (to != null) {
                moved.attachments.put(to, attachment);
            }
        });
        return moved;
    }

    /** An element id for a key ({@code #} is not welcome in a fragment link). */
    public static String anchor(String key) {
        return "q-" + key.replace("#", "--");
    }
}
