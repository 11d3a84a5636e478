package org.joinedup.record.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A result plotted over time, drawn on the server as SVG (no script): a line per value (a blood pressure has two),
 * points at each result, the value axis from the lowest to the highest result, and the first and last dates.
 */
final class ResultChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 180;
    private static final int LEFT = 48;
    private static final int BOTTOM = 24;
    private static final String[] COLOURS = {"#005eb8", "#d5281b", "#007f3b"};

    private ResultChart() {
    }

    static String svg(ResultSeries series) {
        List<ResultSeries.Result> oldestFirst = new ArrayList<>(series.results()).reversed();
        List<Long> times = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (ResultSeries.Result r : oldestFirst) {
            times.add(time(r.at()));
            for (BigDecimal v : r.values()) {
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        long first = times.getFirst();
        long last = Math.max(times.getLast(), first + 1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-label=\"" + escape(series.name()) + " over time\">");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"8\" x2=\"").append(LEFT).append("\" y2=\"").append(HEIGHT - BOTTOM)
                .append("\" stroke=\"#768692\"/><line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH - 8)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#768692\"/>");
        label(svg, 4, 14, number(max));
        label(svg, 4, HEIGHT - BOTTOM, number(min));
        label(svg, LEFT, HEIGHT - 6, SummaryItem.day(oldestFirst.getFirst().at()));
        label(svg, WIDTH - 90, HEIGHT - 6, SummaryItem.day(oldestFirst.getLast().at()));
        for (int line = 0; line < series.lines().size(); line++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < oldestFirst.size(); i++) {
                List<BigDecimal> values = oldestFirst.get(i).values();
                if (line < values.size() && values.get(line) != null) {
                    double x = LEFT + (WIDTH - LEFT - 16) * (double) (times.get(i) - first) / (last - first);
                    double y = 8 + (HEIGHT - BOTTOM - 16) * (max - values.get(line).doubleValue()) / (max - min);
                    points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, COLOURS[line % 3]));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[line % 3]).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static long time(String at) {
        return Instant.parse(TimelineEntries.instant(at)).toEpochMilli();
    }

    private static void label(StringBuilder svg, int x, int y, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\" fill=\"#4c6272\">").append(escape(text)).append("</text>");
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
