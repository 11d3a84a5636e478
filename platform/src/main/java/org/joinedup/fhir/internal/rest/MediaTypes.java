package org.joinedup.fhir.internal.rest;

import java.util.Locale;

/** The FHIR media types and the {@code _format} shorthands for them. */
public final class MediaTypes {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String FHIR_XML = "application/fhir+xml";
    public static final String JSON_PATCH = "application/json-patch+json";
    public static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {
    }

    /** Whether a media type or {@code _format} value asks for XML; null when it names neither JSON nor XML. */
    public static Boolean isXml(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT).trim();
        if (lower.equals("xml") || lower.contains("fhir+xml") || lower.startsWith("application/xml") || lower.startsWith("text/xml")) {
            return true;
        }
        if (lower.equals("json") || lower.contains("fhir+json") || lower.startsWith("application/json")) {
            return false;
        }
        return null;
    }

    /** Picks XML only when the Accept header prefers an XML type to every JSON type it lists. */
    public static boolean acceptsXmlFirst(String accept) {
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            Boolean xml = isXml(part.split(";")[0]);
            if (xml != null) {
                return xml;
            }
        }
        return false;
    }

    /** The media type without parameters, lower case. */
    public static String base(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
