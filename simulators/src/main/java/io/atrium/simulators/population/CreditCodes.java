package io.atrium.simulators.population;

import java.util.Random;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): registration authority and
 * entity type, 6-digit region, the 9-character organization code (GB 11714, with its own check
 * character) and a final MOD 31 check character over an alphabet without I, O, S, V, Z.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** 9 = registered with market regulation, 1 = enterprise. */
    private static final String ENTERPRISE = "91";

    private CreditCodes() {
    }

    public static String of(String regionCode, Random random) {
        StringBuilder organization = new StringBuilder("MA");
        while (organization.length() < 8) {
            organization.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        organization.append(organizationCheckChar(organization));
        String body = ENTERPRISE + regionCode + organization;
        return body + checkChar(body);
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 18 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                && code.charAt(17) == checkChar(code);
    }

    /** GB 11714: digits count as themselves, letters A..Z as 10..35; 10 is written X, 11 is 0. */
    static char organizationCheckChar(CharSequence first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
