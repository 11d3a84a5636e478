package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.SearchableText;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A patient's timeline ({@code /staff/patients/{id}/timeline}): every event from every source, newest first, 50 to
 * a page, filtered by kind, organisation and date range, and searched by words anywhere in the record (codes'
 * display text, notes, narrative, letters' text: {@code _content}) with the matches marked. Each page is one batch
 * of searches, one per source, each asking only for the next 51 events before where the last page ended (so a
 * page costs the same however long the record); they are merged by date.
 */
@Controller
class TimelinePage {

    static final int PAGE = 50;

    private final PatientRecords records;

    TimelinePage(PatientRecords records) {
        this.records = records;
    }

    @GetMapping("/staff/patients/{id}/timeline")
    String timeline(Authentication authentication, @PathVariable String id, @RequestParam(required = false) List<String> kind,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String before, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String org, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        Set<String> kinds = kind == null || kind.isEmpty() ? TimelineKinds.LABELS.keySet() : Set.copyOf(kind);
        String fromDate = date(from);
        String toDate = date(to);
        Cursor cursor = Cursor.parse(before);
        Set<String> words = q == null ? Set.of() : SearchableText.words(q);
        String search = words.isEmpty() ? null : q.strip(); // nothing to search by (only punctuation): no search
        String organisation = org != null && org.matches("Organization/[A-Za-z0-9\\-.]{1,64}") ? org : null;
        List<TimelineKinds.Source> sources = TimelineKinds.sourcesFor(kinds).stream()
                .filter(s -> organisation == null || s.organisationParam() != null).toList();
        List<String> searches = new ArrayList<>();
        for (TimelineKinds.Source source : sources) {
            StringBuilder query = new StringBuilder(source.type() + "?patient=" + id + source.criteria() + "&_sort=-" + source.dateParam()
                    + "&_count=" + (PAGE + 1) + "&" + source.dateParam() + ":missing=false"); // only dated events are placed on the timeline
            if (cursor != null) {
                query.append("&").append(source.dateParam()).append("=le").append(encode(cursor.at()));
            }
            if (fromDate != null) {
                query.append("&").append(source.dateParam()).append("=ge").append(fromDate);
            }
            if (toDate != null) {
                query.append("&").append(source.dateParam()).append("=le").append(toDate);
            }
            if (!words.isEmpty()) {
                query.append("&_content=").append(encode(String.join(" ", words)));
            }
            if (organisation != null) {
                query.append("&").append(source.organisationParam()).append("=").append(organisation);
            }
            searches.add(query.toString());
        }
        List<RecordReader.Read> reads = records.readWithBanner(opened, searches, model);
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            TimelineKinds.Source source = sources.get(i);
            for (JsonNode resource : reads.get(i).matches()) {
                String at = source.when(resource);
                if (at != null) {
                    TimelineEntry entry = TimelineEntries.of(source, resource, at);
                    entries.add(words.isEmpty() ? entry : entry.highlighted(Highlights.of(resource, entry.text(), entry.detail(), words)));
                }
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> e.type() + "/" + e.id()).reversed());
        if (cursor != null) {
            entries.removeIf(e -> !cursor.isAfter(e));
        }
        boolean more = entries.size() > PAGE;
        List<TimelineEntry> page = entries.subList(0, Math.min(PAGE, entries.size()));
        model.addAttribute("entries", page);
        model.addAttribute("kinds", TimelineKinds.LABELS);
        model.addAttribute("chosen", kinds);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("next", more ? Cursor.of(page.getLast()) : null);
        model.addAttribute("q", search);
        model.addAttribute("org", organisation);
        model.addAttribute("organisations", organisations(page, organisation));
        return "staff/patient-timeline";
    }

    /** The organisations the page's events came from, to filter by, and the one chosen: by reference, in order of name. */
    private static java.util.Map<String, String> organisations(List<TimelineEntry> page, String chosen) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        page.stream().filter(e -> e.fromOrganisation() != null).forEach(e -> names.putIfAbsent(e.fromOrganisation(), e.from()));
        if (chosen != null) {
            names.putIfAbsent(chosen, chosen);
        }
        return names.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Where a page ended: the last entry's time and key; the next page starts after it. */
    record Cursor(String at, String key) {

        static Cursor parse(String text) {
            if (text == null || !text.contains("|")) {
                return null;
            }
            return new Cursor(text.substring(0, text.indexOf('|')), text.substring(text.indexOf('|') + 1));
        }

        static String of(TimelineEntry last) {
            return last.at() + "|" + last.type() + "/" + last.id();
        }

        /** Whether an entry comes after this place, newest first. */
        boolean isAfter(TimelineEntry entry) {
            int byTime = entry.at().compareTo(at);
            return byTime < 0 || byTime == 0 && (entry.type() + "/" + entry.id()).compareTo(key) < 0;
        }
    }

    private static String date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
