package org.joinedup.shared;

import java.util.Optional;

/**
 * A ten-digit NHS number whose last digit is the modulus-11 check digit of the first nine
 * (NHS Data Dictionary, "NHS NUMBER"). Spaces and hyphens in the input are ignored.
 */
public record NhsNumber(String value) {

    /** The FHIR identifier system for NHS numbers. */
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    public NhsNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid NHS number: " + value);
        }
    }

    /** Parses a number that may contain spaces or hyphens ("943 476 5919"). */
    public static Optional<NhsNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replace(" ", "").replace("-", "");
        return isValid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    /** True when the text is exactly ten digits and the tenth is the modulus-11 check digit of the first nine. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The number grouped 3-3-4 as people read it ("943 476 5919"). */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
