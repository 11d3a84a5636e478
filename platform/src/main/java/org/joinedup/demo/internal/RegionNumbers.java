package org.joinedup.demo.internal;

import org.joinedup.shared.NhsNumber;

/**
 * NHS numbers for the region's patients, never issued to real people: the n-th patient gets one from the test
 * range 999 000 0000 to 999 999 9999 (half a million of them), and a larger region continues in 998, 997, ...
 * (numbers beginning with 9 are not issued in England). Each is valid (modulus 11).
 */
final class RegionNumbers {

    static final int PER_BLOCK = 500_000;

    private RegionNumbers() {
    }

    static String nhsNumber(long index) {
        long block = index / PER_BLOCK;
        long body = (999 - block) * 1_000_000L + 2 * (index % PER_BLOCK);
        String candidate = withCheckDigit(body);
        return candidate != null ? candidate : withCheckDigit(body + 1); // an even body's neighbour always has one
    }

    private static String withCheckDigit(long body) {
        String digits = Long.toString(body);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return null;
        }
        String number = digits + (check == 11 ? 0 : check);
        return NhsNumber.isValid(number) ? number : null;
    }
}
