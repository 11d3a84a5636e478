package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two Patients' demographics are, as a sum of agreement weights in the manner of Fellegi and Sunter:
 * each field that agrees adds its weight, each that disagrees takes some away, a field missing on either side
 * counts for nothing. Family name (exact 4, alike 2, different -3), first given name (3, 1.5, -2), birth date
 * (5; day and month swapped or one part different 2; else -5), sex (1, -3), postcode (4; same district 1.5;
 * else -1: people move), and an NHS number that was sent but not verified (6 when the same, -10 when
 * different). A perfect match without an NHS number scores 17.
 */
record DemographicScore(double total, List<String> reasons) {

    private static final DoubleMetaphone PHONETIC = new DoubleMetaphone();
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    static DemographicScore of(JsonNode incoming, JsonNode candidate) {
        List<String> reasons = new ArrayList<>();
        double total = 0;
        total += names("family name", family(incoming), family(candidate), 4, 2, -3, reasons);
        total += names("given name", given(incoming), given(candidate), 3, 1.5, -2, reasons);
        total += birthDates(incoming.path("birthDate").asText(null), candidate.path("birthDate").asText(null), reasons);
        total += sexes(incoming.path("gender").asText(null), candidate.path("gender").asText(null), reasons);
        total += postcodes(postcode(incoming), postcode(candidate), reasons);
        total += nhsNumbers(nhsNumber(incoming), nhsNumber(candidate), reasons);
        return new DemographicScore(total, List.copyOf(reasons));
    }

    private static double names(String field, String a, String b, double same, double alike, double different, List<String> reasons) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return weigh(reasons, field + " the same", same);
        }
        boolean initial = a.length() == 1 && b.startsWith(a) || b.length() == 1 && a.startsWith(b);
        if (initial || PHONETIC.isDoubleMetaphoneEqual(a, b) || SIMILARITY.apply(a, b) >= 0.92) {
            return weigh(reasons, field + " alike", alike);
        }
        return weigh(reasons, field + " different", different);
    }

    private static double birthDates(String a, String b, List<String> reasons) {
        if (a == null || b == null || a.length() != 10 || b.length() != 10) {
            return 0;
        }
        if (a.equals(b)) {
            return weigh(reasons, "birth date the same", 5);
        }
        String[] x = a.split("-");
        String[] y = b.split("-");
        boolean swapped = x[0].equals(y[0]) && x[1].equals(y[2]) && x[2].equals(y[1]);
        int differing = (x[0].equals(y[0]) ? 0 : 1) + (x[1].equals(y[1]) ? 0 : 1) + (x[2].equals(y[2]) ? 0 : 1);
        if (swapped || differing == 1) {
            return weigh(reasons, "birth date alike", 2);
        }
        return weigh(reasons, "birth date different", -5);
    }

    private static double sexes(String a, String b, List<String> reasons) {
        if (a == null || b == null || "unknown".equals(a) || "unknown".equals(b)) {
            return 0;
        }
        return a.equals(b) ? weigh(reasons, "sex the same", 1) : weigh(reasons, "sex different", -3);
    }

    private static double postcodes(String a, String b, List<String> reasons) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return weigh(reasons, "postcode the same", 4);
        }
        if (a.length() > 3 && b.length() > 3 && a.substring(0, a.length() - 3).equals(b.substring(0, b.length() - 3))) {
            return weigh(reasons, "postcode district the same", 1.5);
        }
        return weigh(reasons, "postcode different", -1);
    }

    private static double nhsNumbers(String a, String b, List<String> reasons) {
        if (a == null || b == null) {
            return 0;
        }
        return a.equals(b) ? weigh(reasons, "NHS number (not verified) the same", 6) : weigh(reasons, "NHS number different", -10);
    }

    private static double weigh(List<String> reasons, String reason, double weight) {
        reasons.add(reason + " (" + (weight > 0 ? "+" : "") + (weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight)) + ")");
        return weight;
    }

    private static String family(JsonNode patient) {
        return letters(patient.path("name").path(0).path("family").asText(null));
    }

    private static String given(JsonNode patient) {
        return letters(patient.path("name").path(0).path("given").path(0).asText(null));
    }

    private static String postcode(JsonNode patient) {
        String postcode = patient.path("address").path(0).path("postalCode").asText(null);
        return postcode == null || postcode.isBlank() ? null : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    static String nhsNumber(JsonNode patient) {
        for (JsonNode identifier : patient.path("identifier")) {
            if (AdtMapping.NHS_NUMBER.equals(identifier.path("system").asText())) {
                return identifier.path("value").asText(null);
            }
        }
        return null;
    }

    /** Upper-case letters only, so that "O'Neill" and "ONEILL", or "Smith-Jones" and "SMITH JONES", are the same. */
    private static String letters(String name) {
        if (name == null) {
            return null;
        }
        String letters = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{IsAlphabetic}]", "")
                .toUpperCase(Locale.ROOT);
        return letters.isEmpty() ? null : letters;
    }
}
