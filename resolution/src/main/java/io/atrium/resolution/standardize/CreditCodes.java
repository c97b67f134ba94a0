package io.atrium.resolution.standardize;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet without I, O, S, V, Z; the last is a check character over the first 17 (weights 3^i mod 31).
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    public static boolean isValid(String code) {
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check) == code.charAt(17);
    }
}
