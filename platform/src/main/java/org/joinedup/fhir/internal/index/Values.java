package org.joinedup.fhir.internal.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.path.Item;

/**
 * Reads search values out of FHIR data types, following the FHIR R4 rules for which parts of each type a
 * parameter of each kind matches (search.html, "Search parameter types").
 */
final class Values {

    record Token(String system, String code, String text) {
    }

    record Quantity(BigDecimal value, String system, String code, String unit) {
    }

    private Values() {
    }

    static List<String> strings(Item item) {
        JsonNode node = item.node();
        List<String> values = new ArrayList<>();
        switch (item.typeName()) {
            case "HumanName" -> {
                text(node, "family", values);
                texts(node, "given", values);
                texts(node, "prefix", values);
                texts(node, "suffix", values);
                text(node, "text", values);
            }
            case "Address" -> {
                texts(node, "line", values);
                text(node, "city", values);
                text(node, "district", values);
                text(node, "state", values);
                text(node, "postalCode", values);
                text(node, "country", values);
                text(node, "text", values);
            }
            default -> {
                if (node.isValueNode() && !node.asText().isEmpty()) {
                    values.add(node.asText());
                }
            }
        }
        return values;
    }

    static List<Token> tokens(Item item) {
        JsonNode node = item.node();
        List<Token> tokens = new ArrayList<>();
        switch (item.typeName()) {
            case "Coding" -> coding(node, tokens);
            case "CodeableConcept" -> {
                node.path("coding").forEach(coding -> coding(coding, tokens));
                if (node.hasNonNull("text")) {
                    tokens.add(new Token(null, null, TextNormalizer.normalize(node.get("text").asText())));
                }
            }
            case "Identifier" -> {
                if (node.hasNonNull("value")) {
                    tokens.add(new Token(text(node, "system"), node.get("value").asText(), typeText(node)));
                }
            }
            case "ContactPoint" -> {
                if (node.hasNonNull("value")) {
                    tokens.add(new Token(text(node, "system"), node.get("value").asText(), null));
                }
            }
            case "boolean" -> tokens.add(new Token(null, Boolean.toString(node.asBoolean()), null));
            default -> {
                if (node != null && node.isValueNode()) {
                    String code = node.asText();
                    String system = item.via() == null ? null : item.via().codeSystems().get(code);
                    tokens.add(new Token(system, code, null));
                }
            }
        }
        return tokens;
    }

    /** For {@code identifier:of-type}: one entry per type coding, its code joined to the identifier value. */
    static List<Token> identifierTypes(Item item) {
        List<Token> tokens = new ArrayList<>();
        JsonNode node = item.node();
        if (!item.typeName().equals("Identifier") || !node.hasNonNull("value")) {
            return tokens;
        }
        for (JsonNode coding : node.path("type").path("coding")) {
            if (coding.hasNonNull("code")) {
                tokens.add(new Token(text(coding, "system"), coding.get("code").asText() + "|" + node.get("value").asText(), null));
            }
        }
        return tokens;
    }

    static List<DateRange> dates(Item item) {
        JsonNode node = item.node();
        List<DateRange> ranges = new ArrayList<>();
        switch (item.typeName()) {
            case "Period" -> {
                DateRange start = node.hasNonNull("start") ? DateRange.parse(node.get("start").asText()).orElse(null) : null;
                DateRange end = node.hasNonNull("end") ? DateRange.parse(node.get("end").asText()).orElse(null) : null;
                if (start != null || end != null) {
                    ranges.add(DateRange.spanning(start, end));
                }
            }
            case "Timing" -> {
                node.path("event").forEach(event -> DateRange.parse(event.asText()).ifPresent(ranges::add));
                JsonNode bounds = node.path("repeat").path("boundsPeriod");
                if (bounds.isObject()) {
                    ranges.addAll(dates(new Item(bounds, item.type().childByJsonName("repeat").type()
                            .childByJsonName("boundsPeriod").type())));
                }
            }
            default -> {
                if (node != null && node.isTextual()) {
                    DateRange.parse(node.asText()).ifPresent(ranges::add);
                }
            }
        }
        return ranges;
    }

    static List<BigDecimal> numbers(Item item) {
        JsonNode node = item.node();
        return node != null && node.isNumber() ? List.of(node.decimalValue()) : List.of();
    }

    static List<Quantity> quantities(Item item) {
        JsonNode node = item.node();
        List<Quantity> quantities = new ArrayList<>();
        switch (item.typeName()) {
            case "Money" -> {
                if (node.path("value").isNumber()) {
                    quantities.add(new Quantity(node.get("value").decimalValue(), "urn:iso:std:iso:4217", text(node, "currency"), null));
                }
            }
            case "Range" -> {
                quantity(node.path("low"), quantities);
                quantity(node.path("high"), quantities);
            }
            case "SampledData" -> quantity(node.path("origin"), quantities);
            default -> quantity(node, quantities);
        }
        return quantities;
    }

    static List<String> uris(Item item) {
        JsonNode node = item.node();
        return node != null && node.isTextual() ? List.of(node.asText()) : List.of();
    }

    private static void quantity(JsonNode node, List<Quantity> quantities) {
        if (node != null && node.path("value").isNumber()) {
            quantities.add(new Quantity(node.get("value").decimalValue(), text(node, "system"), text(node, "code"), text(node, "unit")));
        }
    }

    private static void coding(JsonNode coding, List<Token> tokens) {
        String code = text(coding, "code");
        String display = text(coding, "display");
        if (code != null || display != null) {
            tokens.add(new Token(text(coding, "system"), code, display == null ? null : TextNormalizer.normalize(display)));
        }
    }

    private static String typeText(JsonNode identifier) {
        String text = text(identifier.path("type"), "text");
        return text == null ? null : TextNormalizer.normalize(text);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void text(JsonNode node, String field, List<String> values) {
        String value = text(node, field);
        if (value != null) {
            values.add(value);
        }
    }

    private static void texts(JsonNode node, String field, List<String> values) {
        for (JsonNode value : node.path(field)) {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        }
    }
}
