package org.joinedup.monitoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.joinedup.monitoring.VitalSigns;

/**
 * A set of vital-sign Observations read as the parameters NEWS2 scores, by their codes: LOINC respiration rate
 * (9279-1), SpO2 (2708-6, 59408-5), systolic pressure (8480-6, alone or a component of the blood pressure panel
 * 85354-9), heart rate (8867-4), body temperature (8310-5 and its oral, axillary and tympanic kinds); SNOMED CT ACVPU
 * (1104441000000107: "mentally alert" 248234008 is A, any other finding scores as C, V, P or U); air or oxygen
 * (SNOMED "breathing room air" 722742002 and "on oxygen" 371825009, or LOINC inhaled oxygen flow 3151-8 above 0 or
 * concentration 3150-0 above 21%).
 */
final class VitalSignsReader {

    static final Set<String> TEMPERATURE = Set.of("8310-5", "8331-1", "8328-7", "8333-7");

    /** The codes of every input and of the vital signs panel, as a search's {@code code} value (the store filters on them). */
    static final String CODES = String.join(",", java.util.stream.Stream.concat(
            java.util.stream.Stream.of("9279-1", "2708-6", "59408-5", "8867-4", "8480-6", "85354-9", "3151-8", "3150-0", "85353-1", "8310-5", "8331-1",
                    "8328-7", "8333-7").map(c -> "http://loinc.org|" + c),
            java.util.stream.Stream.of("1104441000000107", "722742002", "371825009").map(c -> "http://snomed.info/sct|" + c)).toList());

    private VitalSignsReader() {
    }

    /** Whether an Observation is one of the inputs NEWS2 reads. */
    static boolean isInput(JsonNode observation) {
        return kind(observation) != null;
    }

    /** The signs the Observations hold, SpO2 on scale 1 (see {@link VitalSigns#onScale2}). */
    static VitalSigns read(List<JsonNode> observations) {
        Double rr = null, spo2 = null, sbp = null, hr = null, temp = null;
        Boolean oxygen = null;
        VitalSigns.Consciousness acvpu = null;
        for (JsonNode o : observations) {
            String kind = kind(o);
            if (kind == null) {
                continue;
            }
            switch (kind) {
                case "rr" -> rr = number(o.path("valueQuantity"));
                case "spo2" -> spo2 = number(o.path("valueQuantity"));
                case "hr" -> hr = number(o.path("valueQuantity"));
                case "temp" -> temp = celsius(o.path("valueQuantity"));
                case "bp" -> sbp = systolic(o);
                case "acvpu" -> acvpu = consciousness(o);
                case "air" -> oxygen = Boolean.FALSE;
                case "oxygen" -> oxygen = Boolean.TRUE;
                case "o2-flow" -> oxygen = number(o.path("valueQuantity")) != null ? number(o.path("valueQuantity")) > 0 : oxygen;
                case "fio2" -> oxygen = number(o.path("valueQuantity")) != null ? number(o.path("valueQuantity")) > 21 : oxygen;
                default -> { }
            }
        }
        return new VitalSigns(rr, spo2, oxygen, sbp, hr, acvpu, temp, false);
    }

    private static String kind(JsonNode observation) {
        for (JsonNode coding : observation.at("/code/coding")) {
            String system = coding.path("system").asText();
            String code = coding.path("code").asText();
            if (system.equals("http://loinc.org")) {
                switch (code) {
                    case "9279-1": return "rr";
                    case "2708-6", "59408-5": return "spo2";
                    case "8867-4": return "hr";
                    case "8480-6", "85354-9": return "bp";
                    case "3151-8": return "o2-flow";
                    case "3150-0": return "fio2";
                    default:
                        if (TEMPERATURE.contains(code)) {
                            return "temp";
                        }
                }
            } else if (system.equals("http://snomed.info/sct")) {
                switch (code) {
                    case "1104441000000107": return "acvpu";
                    case "722742002": return "air";
                    case "371825009": return "oxygen";
                    default: break;
                }
            }
        }
        return null;
    }

    private static Double systolic(JsonNode observation) {
        if (observation.has("valueQuantity")) {
            return number(observation.path("valueQuantity"));
        }
        for (JsonNode component : observation.path("component")) {
            for (JsonNode coding : component.at("/code/coding")) {
                if ("8480-6".equals(coding.path("code").asText())) {
                    return number(component.path("valueQuantity"));
                }
            }
        }
        return null;
    }

    private static VitalSigns.Consciousness consciousness(JsonNode observation) {
        String letter = observation.path("valueString").asText("").strip().toUpperCase(Locale.ROOT);
        if (!letter.isEmpty()) {
            return switch (letter.charAt(0)) {
                case 'A' -> VitalSigns.Consciousness.ALERT;
                case 'V' -> VitalSigns.Consciousness.VOICE;
                case 'P' -> VitalSigns.Consciousness.PAIN;
                case 'U' -> VitalSigns.Consciousness.UNRESPONSIVE;
                default -> VitalSigns.Consciousness.NEW_CONFUSION;
            };
        }
        JsonNode value = observation.path("valueCodeableConcept");
        String words = (value.path("text").asText("") + " " + value.at("/coding/0/display").asText("")).toLowerCase(Locale.ROOT);
        String code = value.at("/coding/0/code").asText("");
        if (code.equals("248234008") || words.contains("alert")) {
            return VitalSigns.Consciousness.ALERT;
        }
        if (value.isMissingNode()) {
            return null;
        }
        return words.contains("voice") ? VitalSigns.Consciousness.VOICE : words.contains("pain") ? VitalSigns.Consciousness.PAIN
                : words.contains("unrespons") ? VitalSigns.Consciousness.UNRESPONSIVE : VitalSigns.Consciousness.NEW_CONFUSION;
    }

    /** A temperature in °C (a Fahrenheit one converted). */
    private static Double celsius(JsonNode quantity) {
        Double value = number(quantity);
        return value != null && "[degF]".equals(quantity.path("code").asText()) ? (value - 32) * 5 / 9 : value;
    }

    private static Double number(JsonNode quantity) {
        return quantity.path("value").isNumber() ? quantity.path("value").asDouble() : null;
    }
}
