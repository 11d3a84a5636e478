package org.joinedup.ingest.internal;

/** HL7 v2 times ({@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]}) as FHIR dates and dateTimes; unreadable ones are left out. */
final class Hl7Times {

    private Hl7Times() {
    }

    static String date(String ts) {
        String digits = digits(ts);
        if (digits == null || digits.length() < 4) {
            return null;
        }
        if (digits.length() < 6) {
            return digits.substring(0, 4);
        }
        if (digits.length() < 8) {
            return digits.substring(0, 4) + "-" + digits.substring(4, 6);
        }
        return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6, 8);
    }

    static String dateTime(String ts) {
        String digits = digits(ts);
        if (digits == null || digits.length() < 12) {
            return date(ts);
        }
        String zone = zone(ts);
        String seconds = digits.length() >= 14 ? digits.substring(12, 14) : "00";
        return date(ts) + "T" + digits.substring(8, 10) + ":" + digits.substring(10, 12) + ":" + seconds + (zone == null ? "Z" : zone);
    }

    private static String digits(String ts) {
        if (ts == null) {
            return null;
        }
        String text = ts.strip();
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? null : text.substring(0, end);
    }

    private static String zone(String ts) {
        int sign = Math.max(ts.indexOf('+'), ts.indexOf('-'));
        if (sign < 0 || ts.length() < sign + 5) {
            return null;
        }
        String z = ts.substring(sign + 1, sign + 5);
        return z.chars().allMatch(Character::isDigit) ? ts.charAt(sign) + z.substring(0, 2) + ":" + z.substring(2) : null;
    }
}
