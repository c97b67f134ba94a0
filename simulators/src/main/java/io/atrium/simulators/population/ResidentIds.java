package io.atrium.simulators.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Resident ID numbers (居民身份证号码, GB 11643): 6-digit region, birth date, 3-digit sequence
 * whose last digit is odd for men, and an ISO 7064 MOD 11-2 check character. Old 15-digit
 * numbers have a 2-digit year and no check character.
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd");

    private ResidentIds() {
    }

    /** An 18-character number; serial (0..499) picks among the people born that day in that region. */
    public static String of(String regionCode, LocalDate birthDate, Gender gender, int serial) {
        int sequence = serial % 500 * 2 + (gender == Gender.MALE ? 1 : 0);
        String body = regionCode + BIRTH.format(birthDate) + String.format("%03d", sequence);
        return body + checkChar(body);
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public static boolean isValid(String id) {
        return id != null && id.length() == 18 && id.substring(0, 17).chars().allMatch(Character::isDigit)
                && Character.toUpperCase(id.charAt(17)) == checkChar(id);
    }

    /** The 15-digit number issued before 1999 to the same person: century and check character dropped. */
    public static String oldForm(String id18) {
        return id18.substring(0, 6) + id18.substring(8, 17);
    }
}
