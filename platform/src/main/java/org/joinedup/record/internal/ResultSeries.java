package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test's results over time (HbA1c, eGFR, blood pressure...), newest first, with reference ranges and abnormal
 * flags: from the laboratory's interpretation when it gave one, otherwise from the reference range.
 */
public record ResultSeries(String code, String name, String unit, List<Result> results, List<String> lines) {

    /** One result: when, its values (one per line: a blood pressure has two), the range, and the flag (H, L or empty). */
    public record Result(String at, String when, List<BigDecimal> values, String shown, String range, String flag, String from) {
    }

    /** Groups observations, newest first, into one series per test, in the order of their latest result. */
    static List<ResultSeries> of(List<JsonNode> newestFirst) {
        Map<String, List<JsonNode>> byTest = new LinkedHashMap<>();
        for (JsonNode o : newestFirst) {
            byTest.computeIfAbsent(o.at("/code/coding/0/code").asText(SummaryItem.concept(o.path("code"))), k -> new ArrayList<>()).add(o);
        }
        List<ResultSeries> series = new ArrayList<>();
        byTest.forEach((code, observations) -> {
            if (observations.stream().allMatch(o -> o.path("effectiveDateTime").asText(o.path("issued").asText("")).isEmpty())) {
                return;
            }
            JsonNode latest = observations.getFirst();
            List<String> lines = new ArrayList<>();
            if (latest.has("component")) {
                latest.path("component").forEach(c -> lines.add(SummaryItem.concept(c.path("code"))));
            } else {
                lines.add(SummaryItem.concept(latest.path("code")));
            }
            List<Result> results = new ArrayList<>();
            for (JsonNode o : observations) {
                String at = o.path("effectiveDateTime").asText(o.path("issued").asText(""));
                if (!at.isEmpty()) {
                    results.add(result(o, at)); // a result without a time cannot be placed in a series
                }
            }
            String unit = latest.has("component") ? latest.at("/component/0/valueQuantity/unit").asText("") : latest.at("/valueQuantity/unit").asText("");
            series.add(new ResultSeries(code, SummaryItem.concept(latest.path("code")), unit, results, lines));
        });
        return series;
    }

    private static Result result(JsonNode o, String at) {
        List<BigDecimal> values = new ArrayList<>();
        if (o.has("component")) {
            o.path("component").forEach(c -> values.add(c.at("/valueQuantity/value").isNumber() ? c.at("/valueQuantity/value").decimalValue() : null));
        } else {
            values.add(o.at("/valueQuantity/value").isNumber() ? o.at("/valueQuantity/value").decimalValue() : null);
        }
        StringBuilder shown = new StringBuilder();
        values.forEach(v -> shown.append(shown.isEmpty() ? "" : "/").append(v == null ? "?" : v.toPlainString()));
        JsonNode range = o.path("referenceRange").path(0);
        BigDecimal low = range.at("/low/value").isNumber() ? range.at("/low/value").decimalValue() : null;
        BigDecimal high = range.at("/high/value").isNumber() ? range.at("/high/value").decimalValue() : null;
        String rangeText = range.hasNonNull("text") ? range.path("text").asText()
                : low == null && high == null ? "" : (low == null ? "" : low.toPlainString()) + "–" + (high == null ? "" : high.toPlainString());
        String flag = o.at("/interpretation/0/coding/0/code").asText("");
        if (flag.isEmpty() && values.size() == 1 && values.getFirst() != null) {
            BigDecimal value = values.getFirst();
            flag = high != null && value.compareTo(high) > 0 ? "H" : low != null && value.compareTo(low) < 0 ? "L" : "";
        }
        return new Result(at, TimelineEntries.shown(at), values, shown.toString(), rangeText, flag.equals("N") ? "" : flag, SummaryItem.from(o));
    }

    /** Whether there is something to plot: at least two numeric results. */
    public boolean plottable() {
        return results.stream().filter(r -> !r.values().isEmpty() && r.values().getFirst() != null).count() >= 2;
    }
}
