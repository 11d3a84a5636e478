package org.joinedup.portal.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The mood diary's chart: the last eight weeks' scores (0 to 10) as a line, drawn on the server as SVG, with
 * axes labelled, so it works without JavaScript; the page gives the same figures as a table.
 */
final class MoodChart {

    static final int DAYS = 56;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;

    /** A day's score. */
    record Point(LocalDate day, int score) {
    }

    private MoodChart() {
    }

    static String svg(List<Point> points, LocalDate today) {
        LocalDate first = today.minusDays(DAYS - 1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-labelledby=\"mood-chart-title\" class=\"ju-chart\"><title id=\"mood-chart-title\">Mood scores, last 8 weeks</title>");
        for (int score = 0; score <= 10; score += 5) {
            int y = y(score);
            svg.append("<line x1=\"" + LEFT + "\" x2=\"" + WIDTH + "\" y1=\"" + y + "\" y2=\"" + y + "\" stroke=\"#d8dde0\"/>")
                    .append("<text x=\"" + (LEFT - 8) + "\" y=\"" + (y + 5) + "\" text-anchor=\"end\" font-size=\"14\" fill=\"#4c6272\">" + score + "</text>");
        }
        for (int week = 0; week <= 8; week += 2) {
            LocalDate day = first.plusDays(week * 7L);
            svg.append("<text x=\"" + x(first, day) + "\" y=\"" + (HEIGHT - 8) + "\" text-anchor=\"middle\" font-size=\"14\" fill=\"#4c6272\">")
                    .append(day.getDayOfMonth()).append(' ').append(day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK)).append("</text>");
        }
        List<Point> shown = points.stream().filter(p -> !p.day().isBefore(first) && !p.day().isAfter(today))
                .sorted(java.util.Comparator.comparing(Point::day)).toList();
        if (shown.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#005eb8\" stroke-width=\"3\" points=\"");
            shown.forEach(p -> svg.append(x(first, p.day())).append(',').append(y(p.score())).append(' '));
            svg.append("\"/>");
        }
        shown.forEach(p -> svg.append("<circle cx=\"" + x(first, p.day()) + "\" cy=\"" + y(p.score()) + "\" r=\"4\" fill=\"#005eb8\"/>"));
        return svg.append("</svg>").toString();
    }

    private static int x(LocalDate first, LocalDate day) {
        return LEFT + (int) Math.round((WIDTH - LEFT - 10) * ChronoUnit.DAYS.between(first, day) / (double) (DAYS - 1));
    }

    private static int y(int score) {
        return TOP + (int) Math.round((HEIGHT - TOP - BOTTOM) * (10 - score) / 10.0);
    }
}
