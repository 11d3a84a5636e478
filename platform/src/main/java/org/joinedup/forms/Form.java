package org.joinedup.forms;

import java.util.List;

/**
 * A questionnaire as the pages render it: its name (as in {@code /portal/questionnaires/{name}}), title, canonical
 * url and version, and its items.
 */
public record Form(String name, String title, String url, String version, List<FormItem> items) {

    /** Every question, groups opened, in order. */
    public List<FormItem> questions() {
        List<FormItem> all = new java.util.ArrayList<>();
        collect(items, all);
        return all;
    }

    private static void collect(List<FormItem> items, List<FormItem> into) {
        for (FormItem item : items) {
            if (item.isQuestion()) {
                into.add(item);
            }
            collect(item.items(), into);
        }
    }
}
