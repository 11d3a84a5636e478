package org.joinedup.analytics.internal.research;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.joinedup.analytics.internal.ViewColumns;

/**
 * How a project sees a view's column, as a DuckDB expression over the plain value: identifiers and references to
 * people (tagged {@code identifier} or {@code reference}, and every column of type {@code id} not tagged {@code keep})
 * replaced by a keyed pseudonym, HMAC-SHA256 with the project's key, written out in SQL (DuckDB has SHA-256 but no
 * HMAC) so the same person has the same pseudonym in every table of one project and different ones across projects;
 * dates of birth cut to the month or the year; postcodes to their district (outward code) or sector; names and free
 * text (tagged {@code remove}) left out (null expression).
 *
 * @param key the project's key (at most 64 bytes: the HMAC block)
 * @param birthDate {@code month} or {@code year}
 * @param postcode {@code district}, {@code sector} or {@code remove}
 */
record Pseudonymisation(byte[] key, String birthDate, String postcode) {

    private static final int BLOCK = 64;

    Pseudonymisation {
        if (key.length == 0 || key.length > BLOCK) {
            throw new IllegalArgumentException("A project key is 1 to 64 bytes");
        }
    }

    /** The column's expression in a project's table, named as the column; null if the column is left out. */
    String column(ViewColumns.Column column) {
        String rule = column.tag("pseudonymise");
        String value = quoted(column.name());
        String expression;
        if ("remove".equals(rule)) {
            return null;
        } else if ("keep".equals(rule)) {
            expression = value;
        } else if ("identifier".equals(rule) || "reference".equals(rule) || column.type().equals("id")) {
            expression = pseudonym(value);
        } else if ("birth-date".equals(rule)) {
            expression = "substr(" + value + ", 1, " + (birthDate.equals("year") ? 4 : 7) + ")";
        } else if ("postcode".equals(rule)) {
            if (postcode.equals("remove")) {
                return null;
            }
            String outward = "split_part(upper(trim(" + value + ")), ' ', 1)";
            expression = postcode.equals("sector")
                    ? "CASE WHEN " + value + " LIKE '% %' THEN " + outward + " || ' ' || substr(split_part(upper(trim(" + value + ")), ' ', 2), 1, 1) END"
                    : "CASE WHEN " + value + " LIKE '% %' THEN " + outward + " ELSE substr(upper(" + value + "), 1, length(" + value + ") - 3) END";
        } else {
            expression = value;
        }
        return expression + " AS " + quoted(column.name());
    }

    /** HMAC-SHA256(key, value) as lower-case hex: H((K xor opad) || H((K xor ipad) || value)). */
    String pseudonym(String value) {
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        return "CASE WHEN " + value + " IS NOT NULL THEN sha256(unhex('" + HexFormat.of().formatHex(outer) + "') || unhex(sha256(unhex('"
                + HexFormat.of().formatHex(inner) + "') || encode(CAST(" + value + " AS VARCHAR))))) END";
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
