package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One line of the summary: what it is, a detail, where it came from (the organisation that recorded it, or the
 * feed), and when.
 */
public record SummaryItem(String text, String detail, String from, String when) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH); // 06-Sep-1958, as NHS screens show dates
    private static final List<String> SOURCES = List.of("informationSource", "requester", "recorder", "asserter", "author", "serviceProvider",
            "performer", "custodian");

    /** The organisation or system a resource came from, as shown beside it. */
    static String from(JsonNode resource) {
        for (String field : SOURCES) {
            JsonNode first = first(resource.path(field));
            if (first.hasNonNull("display")) {
                return first.path("display").asText();
            }
        }
        String source = resource.at("/meta/source").asText("");
        if (source.startsWith("urn:joinedup:hl7v2:")) {
            String sender = source.substring("urn:joinedup:hl7v2:".length()).replaceFirst("#.*", "");
            String[] parts = sender.split("@", 2);
            return parts[0].toUpperCase(Locale.UK) + (parts.length > 1 ? " at " + parts[1].toUpperCase(Locale.UK) : "");
        }
        return source.equals("urn:joinedup:demo-region") ? "Demo region" : source.isEmpty() ? "Not recorded" : source;
    }

    /** The organisation a resource came from, as {@code Organization/id}, when it refers to one. */
    static String fromOrganisation(JsonNode resource) {
        for (String field : SOURCES) {
            String reference = first(resource.path(field)).path("reference").asText("");
            if (reference.startsWith("Organization/")) {
                return reference;
            }
        }
        return null;
    }

    private static JsonNode first(JsonNode value) {
        return value.isArray() ? value.path(0) : value;
    }

    /** A FHIR date or dateTime as the record shows it (26-Nov-2026), or the text as it is. */
    static String day(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).format(DAY) : OffsetDateTime.parse(value).toLocalDate().format(DAY);
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
    }

    /** The display of a CodeableConcept: its text, else its first coding's display, else its code. */
    static String concept(JsonNode concept) {
        if (concept.hasNonNull("text")) {
            return concept.path("text").asText();
        }
        JsonNode coding = concept.path("coding").path(0);
        return coding.path("display").asText(coding.path("code").asText(""));
    }
}
