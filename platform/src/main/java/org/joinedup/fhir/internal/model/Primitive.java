package org.joinedup.fhir.internal.model;

import java.util.Map;
import java.util.regex.Pattern;

/** The FHIR R4 primitive types, each with its JSON representation and the lexical pattern from the specification. */
public enum Primitive {
    BOOLEAN("boolean", JsonKind.BOOLEAN, null),
    INTEGER("integer", JsonKind.INTEGER, "-?([0]|([1-9][0-9]*))"),
    UNSIGNED_INT("unsignedInt", JsonKind.INTEGER, "[0]|([1-9][0-9]*)"),
    POSITIVE_INT("positiveInt", JsonKind.INTEGER, "\\+?[1-9][0-9]*"),
    DECIMAL("decimal", JsonKind.NUMBER, "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"),
    STRING("string", JsonKind.STRING, "[ \\r\\n\\t\\S]+"),
    MARKDOWN("markdown", JsonKind.STRING, "[\\s\\S]+"),
    CODE("code", JsonKind.STRING, "[^\\s]+(\\s[^\\s]+)*"),
    ID("id", JsonKind.STRING, "[A-Za-z0-9\\-\\.]{1,64}"),
    URI("uri", JsonKind.STRING, "\\S*"),
    URL("url", JsonKind.STRING, "\\S*"),
    CANONICAL("canonical", JsonKind.STRING, "\\S*"),
    OID("oid", JsonKind.STRING, "urn:oid:[0-2](\\.(0|[1-9][0-9]*))+"),
    UUID("uuid", JsonKind.STRING, "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    BASE64_BINARY("base64Binary", JsonKind.STRING, "(\\s*([0-9a-zA-Z+/=]){4}\\s*)+"),
    INSTANT("instant", JsonKind.STRING, "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
            + "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"),
    DATE("date", JsonKind.STRING, "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?"),
    DATE_TIME("dateTime", JsonKind.STRING, "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
            + "(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?"),
    TIME("time", JsonKind.STRING, "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?"),
    XHTML("xhtml", JsonKind.STRING, "\\s*<div[\\s\\S]*"),
    /** {@code Element.id} and {@code Extension.url} are System.String in the specification: any non-empty string. */
    SYSTEM_STRING("string", JsonKind.STRING, "[\\s\\S]+");

    /** How a primitive is written in FHIR JSON. */
    public enum JsonKind { BOOLEAN, INTEGER, NUMBER, STRING }

    private static final Map<String, Primitive> BY_NAME = Map.ofEntries(
            Map.entry("boolean", BOOLEAN), Map.entry("integer", INTEGER), Map.entry("unsignedInt", UNSIGNED_INT),
            Map.entry("positiveInt", POSITIVE_INT), Map.entry("decimal", DECIMAL), Map.entry("string", STRING),
            Map.entry("markdown", MARKDOWN), Map.entry("code", CODE), Map.entry("id", ID), Map.entry("uri", URI),
            Map.entry("url", URL), Map.entry("canonical", CANONICAL), Map.entry("oid", OID), Map.entry("uuid", UUID),
            Map.entry("base64Binary", BASE64_BINARY), Map.entry("instant", INSTANT), Map.entry("date", DATE),
            Map.entry("dateTime", DATE_TIME), Map.entry("time", TIME), Map.entry("xhtml", XHTML));

    private final String fhirName;
    private final JsonKind jsonKind;
    private final Pattern pattern;

    Primitive(String fhirName, JsonKind jsonKind, String regex) {
        this.fhirName = fhirName;
        this.jsonKind = jsonKind;
        this.pattern = regex == null ? null : Pattern.compile(regex);
    }

    public static Primitive named(String fhirName) {
        Primitive primitive = BY_NAME.get(fhirName);
        if (primitive == null) {
            throw new IllegalArgumentException("Unknown FHIR primitive type " + fhirName);
        }
        return primitive;
    }

    public String fhirName() {
        return fhirName;
    }

    public JsonKind jsonKind() {
        return jsonKind;
    }

    /**
     * True when the text form of a value matches the type's pattern (and range, for numbers). The commonest
     * types are checked by hand, equivalently to their patterns: this runs for every value of every write.
     */
    public boolean accepts(String text) {
        return switch (this) {
            case STRING -> !text.isEmpty() && noneOf(text, "\013\f");
            case MARKDOWN, SYSTEM_STRING -> !text.isEmpty();
            case URI, URL, CANONICAL -> noneOf(text, " \t\n\013\f\r");
            case CODE -> isCode(text);
            case ID -> isId(text);
            case BASE64_BINARY -> isBase64(text);
            case INTEGER, UNSIGNED_INT, POSITIVE_INT -> pattern.matcher(text).matches() && fitsInt(text);
            default -> pattern == null || pattern.matcher(text).matches();
        };
    }

    private static boolean noneOf(String text, String forbidden) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code [^\s]+(\s[^\s]+)*}: no whitespace at either end, never two whitespace characters together. */
    private static boolean isCode(String text) {
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); i++) {
            boolean space = WHITESPACE.indexOf(text.charAt(i)) >= 0;
            if (space && previousSpace) {
                return false;
            }
            previousSpace = space;
        }
        return !text.isEmpty() && !previousSpace;
    }

    /** {@code [A-Za-z0-9\-\.]{1,64}}. */
    /**
     * {@code (\s*([0-9a-zA-Z+/=]){4}\s*)+}, checked by hand: the pattern's repeated group recurses once per four
     * characters, which overflows the stack on a photo or a PDF of a few hundred kilobytes.
     */
    private static boolean isBase64(String text) {
        int inBlock = 0;
        int blocks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (" \t\n\u000b\f\r".indexOf(c) >= 0) { // \s
                if (inBlock != 0) {
                    return false; // whitespace only between blocks of four
                }
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
                inBlock = (inBlock + 1) % 4;
                blocks += inBlock == 0 ? 1 : 0;
            } else {
                return false;
            }
        }
        return inBlock == 0 && blocks > 0;
    }

    private static boolean isId(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static final String WHITESPACE = " \t\n\013\f\r";

    private static boolean fitsInt(String text) {
        try {
            Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
