package org.joinedup.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's line format: each entry is one line, {@code <hash> <json>}, where the hash is SHA-256 of the previous
 * line's hash, a newline and the JSON, exactly as written. The same lines make the journal and the database blocks,
 * so what is verified is what was written on the caller's thread. Format-1 lines (converted from rows written before
 * lines) carry {@code "v":1}, their own previous hash and the AuditEvent, and are verified as they were chained then.
 */
final class AuditLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLines() {
    }

    /** The JSON of an entry; written by hand because it is written on every access. */
    static String json(AuditEntry e) {
        StringBuilder out = new StringBuilder(256 + 48 * e.resources().size());
        out.append("{\"seq\":").append(e.seq()).append(",\"at\":\"").append(e.recorded()).append('"');
        field(out, "agent", e.agent());
        field(out, "kind", e.agentKind());
        field(out, "role", e.agentRole());
        field(out, "org", e.organization());
        field(out, "client", e.clientId());
        field(out, "action", e.action());
        field(out, "outcome", e.outcome());
        if (e.breakGlass()) {
            out.append(",\"bg\":true");
        }
        field(out, "purpose", e.purpose());
        field(out, "query", e.query());
        field(out, "detail", e.detail());
        array(out, "patients", e.patients());
        if (!e.resources().isEmpty()) {
            array(out, "resources", e.resources());
        }
        return out.append('}').toString();
    }

    /** Parses the JSON part of a line. */
    static AuditEntry entry(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n.path("v").asInt() == 1) {
                return new AuditEntry(n.path("seq").asLong(), micros(n.path("micros").asLong()), text(n, "agent"), text(n, "kind"), text(n, "role"),
                        text(n, "org"), text(n, "client"), text(n, "action"), text(n, "outcome"), n.path("bg").asBoolean(), null, null, null,
                        strings(n.path("patients")), List.of(), text(n, "content"));
            }
            return new AuditEntry(n.path("seq").asLong(), Instant.parse(n.path("at").asText()), text(n, "agent"), text(n, "kind"), text(n, "role"),
                    text(n, "org"), text(n, "client"), text(n, "action"), text(n, "outcome"), n.path("bg").asBoolean(), text(n, "purpose"),
                    text(n, "query"), text(n, "detail"), strings(n.path("patients")), strings(n.path("resources")), null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an audit line", e);
        }
    }

    /** A format-1 line's previous hash, as it was stored beside it. */
    static String legacyPrevious(String json) {
        try {
            return text(JSON.readTree(json), "prev");
        } catch (IOException e) {
            throw new IllegalArgumentException("Not an audit line", e);
        }
    }

    static boolean isLegacy(String json) {
        return json.contains("\"v\":1");
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(",\"").append(name).append("\":");
            string(out, value);
        }
    }

    private static void array(StringBuilder out, String name, List<String> values) {
        out.append(",\"").append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    /** A JSON string: quotes, backslashes and control characters escaped (so a line never holds a newline). */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
