package org.joinedup.fhir.internal.search;

import java.util.Locale;

/** The comparison prefixes of number, date and quantity search values ({@code ge2024}, {@code lt5.4}). */
public enum Prefix {
    EQ, NE, GT, LT, GE, LE, SA, EB, AP;

    /** A value split into its prefix (eq when none) and the rest. */
    public record Split(Prefix prefix, String value) {
    }

    public static Split split(String value) {
        if (value.length() > 2 && Character.isLetter(value.charAt(0)) && Character.isLetter(value.charAt(1))) {
            try {
                return new Split(valueOf(value.substring(0, 2).toUpperCase(Locale.ROOT)), value.substring(2));
            } catch (IllegalArgumentException e) {
                return new Split(EQ, value);
            }
        }
        return new Split(EQ, value);
    }
}
