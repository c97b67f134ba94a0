package io.atrium.resolution.standardize;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Mainland resident identity numbers (GB 11643): 18 characters whose last is a check character over
 * the first 17 (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2, codes 10X98765432), a birth date at
 * positions 7-14 and the gender in the 17th (odd is male). Old 15-digit numbers lack the century and
 * the check character; they are upgraded.
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CODES = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIds() {
    }

    /** Upper-cased 18-character form (15-digit numbers upgraded); the input unchanged in shape if it has neither length. */
    public static String normalize(String raw) {
        String id = IdNumbers.compact(raw);
        if (id.length() == 15 && allDigits(id, 15)) {
            String seventeen = id.substring(0, 6) + "19" + id.substring(6);
            return seventeen + checkCharacter(seventeen);
        }
        return id;
    }

    /** Whether a normalized number has 18 characters, a correct check character and a plausible birth date. */
    public static boolean isValid(String id) {
        return id.length() == 18 && allDigits(id, 17) && checkCharacter(id.substring(0, 17)) == id.charAt(17)
                && birthDate(id).isPresent();
    }

    public static Optional<LocalDate> birthDate(String id) {
        if (id.length() != 18 || !allDigits(id, 14)) {
            return Optional.empty();
        }
        return SourceDates.date(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                        Integer.parseInt(id.substring(12, 14)))
                .filter(d -> !d.isBefore(EARLIEST_BIRTH) && !d.isAfter(LocalDate.now()));
    }

    /** "M" or "F" from the 17th character of a valid number. */
    public static String gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CODES[sum % 11];
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
