package org.joinedup.analytics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A view's rows as CSV (RFC 4180): a header of the column names, then a line a row; a collection column as its JSON. */
final class ViewCsv {

    private ViewCsv() {
    }

    static String of(List<String> columns, JsonNode rows) {
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(ViewCsv::quote).toList());
        for (JsonNode row : rows) {
            line(out, columns.stream().map(c -> {
                JsonNode value = row.path(c);
                return value.isNull() || value.isMissingNode() ? "" : quote(value.isValueNode() ? value.asText() : value.toString());
            }).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
